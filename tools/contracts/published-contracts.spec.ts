import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PUBLISHED_LANGUAGES } from '@collab/contracts';
import { jsonSchemaErrorsOf } from '@collab/testing';
import { asyncApiOf } from './asyncapi';
import { everyPublicEvent, publishedFiles, REPO, SCHEMA_DIR } from './published-files';

const examples = everyPublicEvent().flatMap((event) =>
  event.examples.map((example, index) => ({
    name: `${event.eventType} example ${index + 1}`,
    event,
    example,
  })),
);
const committed = (dir: string): string[] =>
  readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? committed(`${dir}/${entry.name}`) : [`${dir}/${entry.name}`],
  );

describe('the public event contracts', () => {
  it('give every public event at least one example', () =>
    expect(
      everyPublicEvent()
        .filter((event) => event.examples.length === 0)
        .map((event) => event.eventType),
    ).toEqual([]));

  it.each(examples)(
    '$name is valid against its zod schema and its generated JSON Schema',
    ({ event, example }) => {
      expect(event.data.safeParse(example).error?.issues).toBeUndefined();
      expect(jsonSchemaErrorsOf(event, example)).toBeNull();
    },
  );

  it('are committed as generated: npm run contracts:generate leaves nothing to change', () => {
    const generated = publishedFiles();
    expect(committed(SCHEMA_DIR).sort()).toEqual(
      [...generated.keys()].filter((path) => path.startsWith(SCHEMA_DIR)).sort(),
    );
    for (const [path, content] of generated)
      expect({ path, content: readFileSync(join(REPO, path), 'utf8') }).toEqual({ path, content });
  });

  it.each(PUBLISHED_LANGUAGES.map((language) => ({ service: language.service, document: asyncApiOf(language) })))(
    "$service's AsyncAPI 3.0 document: one channel on its topic, each message's example envelope valid against its payload schema",
    ({ document }) => {
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      expect(document.asyncapi).toBe('3.0.0');
      for (const message of Object.values(document.components.messages))
        for (const example of message.examples) expect({ name: message.name, errors: ajv.validate(message.payload, example.payload) ? null : ajv.errors }).toEqual({ name: message.name, errors: null });
    },
  );
});
