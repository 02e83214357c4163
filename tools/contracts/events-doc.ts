import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { personalDataOf, PUBLISHED_LANGUAGES, topicOf, type PublicEvent, type PublishedLanguage } from '@collab/contracts';

const CLASS_NAMES = { contact: 'contact details', 'person-id': 'person ids', 'free-text': 'free text' } as const;

/** `Personal data: person ids \`customerId\`; free text \`subject\`.` from PERSONAL_DATA; empty for an event with none. */
const personalDataNote = (event: PublicEvent): string => {
  const classes = personalDataOf(event);
  const parts = (Object.keys(CLASS_NAMES) as (keyof typeof CLASS_NAMES)[]).flatMap((kind) => {
    const fields = [...classes].filter(([, found]) => found === kind).map(([path]) => `\`${path}\``);
    return fields.length === 0 ? [] : [`${CLASS_NAMES[kind]} ${fields.join(', ')}`];
  });
  return parts.length === 0 ? '' : ` Personal data: ${parts.join('; ')}.`;
};

const row = (event: PublicEvent, language: PublishedLanguage): string => {
  const newest = language.newestOf(event);
  // The rule an upcaster applies where the older version could not say something (e.g. what kind of party an id named).
  const rule = language.all.find((later) => later.upcastFrom?.event === event)?.upcastFrom?.rule;
  const status = newest === event ? '' : ` *(superseded: read as ${newest.eventType}${rule === undefined ? '' : `; ${rule}`})*`;
  const note = personalDataNote(event);
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
