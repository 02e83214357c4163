import { join } from 'node:path';
import { jsonSchemaOf, PUBLISHED_LANGUAGES, type PublicEvent } from '@collab/contracts';
import { fingerprintOf } from './compatibility';
import { asyncApiOf } from './asyncapi';
import { eventsDoc } from './events-doc';

export const REPO = join(__dirname, '..', '..');
/** Where analysts find the JSON Schemas (the CloudEvents `dataschema` names the file's `$id`). */
export const SCHEMA_DIR = 'libs/contracts/schemas';

export const schemaPathOf = (event: PublicEvent): string =>
  `${SCHEMA_DIR}/${event.service}/${event.type}.v${event.version}.schema.json`;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every public event ever published, of every service: current versions and older ones still readable. */
export const everyPublicEvent = (): PublicEvent[] =>
  PUBLISHED_LANGUAGES.flatMap((language) => [...language.all]);

/**
 * The files derived from the contracts, by path from the repo root, with their content. The
 * generator writes them; a spec checks that the committed files are exactly these.
 */
export const publishedFiles = (): Map<string, string> => {
  const files = new Map<string, string>();
  for (const event of everyPublicEvent()) files.set(schemaPathOf(event), json(jsonSchemaOf(event)));
  files.set(LOCK_PATH, json(lockOf(publishedSchemas())));
  files.set('docs/events.md', eventsDoc(REPO));
  for (const language of PUBLISHED_LANGUAGES) files.set(`docs/asyncapi/${language.service}.asyncapi.json`, json(asyncApiOf(language)));
  return files;
};

/** Every published schema by CloudEvents type. */
export const publishedSchemas = (): Map<string, Readonly<Record<string, unknown>>> =>
  new Map(everyPublicEvent().map((event) => [event.eventType, jsonSchemaOf(event)]));

/**
 * The lock of published schemas: each type@version's fingerprint. `npm run contracts:check` compares
 * the schemas with the lock committed at the baseline (main, or the previous commit on main).
 */
export const LOCK_PATH = 'libs/contracts/published.lock.json';
export const lockOf = (
  schemas: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): Record<string, string> =>
  Object.fromEntries(
    [...schemas]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([eventType, schema]) => [eventType, fingerprintOf(schema)]),
  );
