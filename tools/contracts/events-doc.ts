import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaOf, PUBLISHED_LANGUAGES, topicOf, type PublicEvent, type PublishedLanguage } from '@collab/contracts';

const personalFieldsOf = (event: PublicEvent): string[] => {
  const found: string[] = [];
  const walk = (schema: Record<string, unknown>, path: string): void => {
    for (const [name, field] of Object.entries((schema['properties'] ?? {}) as Record<string, Record<string, unknown>>)) {
      if (field['x-personal'] === true) found.push(`${path}${name}`);
      walk(field, `${path}${name}.`);
    }
  };
  walk(jsonSchemaOf(event), '');
  return found;
};

const row = (event: PublicEvent, language: PublishedLanguage): string => {
  const newest = language.newestOf(event);
  const status = newest === event ? '' : ` *(superseded: read as ${newest.eventType})*`;
  const personal = personalFieldsOf(event);
  const note = personal.length === 0 ? '' : ` Personal: ${personal.map((field) => `\`${field}\``).join(', ')}.`;
  return `| \`${event.eventType}\` | \`${event.service}/${event.type}.v${event.version}\` | ${event.description.replace(/\|/g, '\\|')}${status}${note} |`;
};

const section = (language: PublishedLanguage): string => {
  const current = Object.values(language.current);
  const older = language.all.filter((event) => !current.includes(event));
  const lines = [`### \`${topicOf(language.service)}\``, ''];
  if (language.all.length === 0) return [...lines, 'Nothing published yet.', ''].join('\n');
  lines.push('| type | schema | meaning |', '|---|---|---|', ...current.map((event) => row(event, language)), ...older.map((event) => row(event, language)), '');
  for (const event of current)
    for (const example of event.examples) lines.push(`<details><summary>${event.eventType} example</summary>`, '', '```json', JSON.stringify(example, null, 2), '```', '</details>', '');
  return lines.join('\n');
};

/** docs/events.md: the intro (docs/events.intro.md), then every topic's events from the contracts, with examples. */
export const eventsDoc = (repo: string): string =>
  `${readFileSync(join(repo, 'docs', 'events.intro.md'), 'utf8').trimEnd()}\n\n## Topics and events\n\n${PUBLISHED_LANGUAGES.map(section).join('\n')}`;
