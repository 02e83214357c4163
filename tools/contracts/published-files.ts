import { join } from 'node:path';
import { jsonSchemaOf, PUBLISHED_LANGUAGES, type PublicEvent } from '@collab/contracts';

export const REPO = join(__dirname, '..', '..');
/** Where analysts find the JSON Schemas (the CloudEvents `dataschema` names the file's `$id`). */
export const SCHEMA_DIR = 'libs/contracts/schemas';

export const schemaPathOf = (event: PublicEvent): string => `${SCHEMA_DIR}/${event.service}/${event.type}.v${event.version}.schema.json`;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every public event ever published, of every service: current versions and older ones still readable. */
export const everyPublicEvent = (): PublicEvent[] => PUBLISHED_LANGUAGES.flatMap((language) => [...language.all]);

/**
 * The files derived from the contracts, by path from the repo root, with their content. The
 * generator writes them; a spec checks that the committed files are exactly these.
 */
export const publishedFiles = (): Map<string, string> => {
  const files = new Map<string, string>();
  for (const event of everyPublicEvent()) files.set(schemaPathOf(event), json(jsonSchemaOf(event)));
  return files;
};
