import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaErrorsOf } from '@collab/testing';
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
});
