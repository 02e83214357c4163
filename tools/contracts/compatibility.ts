import { createHash } from 'node:crypto';
import { PERSONAL_DATA } from '@collab/contracts';

type Schema = Readonly<Record<string, unknown>>;

/** The fingerprint of a published schema: any change to a published type@version changes it. */
export const fingerprintOf = (schema: Schema): string =>
  `sha256:${createHash('sha256').update(JSON.stringify(schema)).digest('hex')}`;

const propertiesOf = (schema: Schema): Record<string, Schema> =>
  (schema['properties'] ?? {}) as Record<string, Schema>;
const requiredOf = (schema: Schema): string[] => (schema['required'] ?? []) as string[];
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `collab.intake.ContactAppended.v2.contact.requester.phone` → `contact.requester.phone`, as PERSONAL_DATA names fields. */
const dataPathOf = (at: string): string => at.replace(/^collab\.[a-z]+\.[A-Za-z]+\.v\d+\./, '');

/** Marked personal in its schema (`x-personal`), or classified as contact details (a schema published before the marker). */
const isPersonal = (field: Schema, at: string): boolean =>
  field['x-personal'] === true || PERSONAL_DATA.get(dataPathOf(at)) === 'contact';

/**
 * Whether `newer` reads everything `older` allowed and old consumers read what `newer` allows:
 * fields only added as optional; none removed (except an optional personal one: old readers already
 * cope with its absence, and it must leave the topic); none retyped; an enum only widened.
 */
const objectProblems = (older: Schema, newer: Schema, path: string): string[] => {
  const problems: string[] = [];
  const [oldFields, newFields] = [propertiesOf(older), propertiesOf(newer)];
  for (const [name, field] of Object.entries(oldFields)) {
    const at = `${path}.${name}`;
    const next = newFields[name];
    if (next === undefined) {
      if (requiredOf(older).includes(name) || !isPersonal(field, at))
        problems.push(`${at} was removed`);
      continue;
    }
    problems.push(...fieldProblems(field, next, at));
  }
  for (const name of requiredOf(newer))
    if (!requiredOf(older).includes(name)) problems.push(`${path}.${name} is required now`);
  return problems;
};

const enumProblems = (older: Schema, newer: Schema, at: string): string[] => {
  const [oldEnum, newEnum] = [older['enum'] as unknown[] | undefined, newer['enum'] as unknown[] | undefined];
  if (oldEnum === undefined) return newEnum === undefined ? [] : [`${at} became an enum`];
  return newEnum !== undefined && oldEnum.some((value) => !newEnum.includes(value)) ? [`${at} lost enum values`] : [];
};

const KEPT = ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'const', 'anyOf', 'oneOf', '$ref'];

const fieldProblems = (older: Schema, newer: Schema, at: string): string[] => {
  if (!same(older['type'], newer['type'])) return [`${at} changed type from ${JSON.stringify(older['type'])} to ${JSON.stringify(newer['type'])}`];
  const enums = enumProblems(older, newer, at);
  if (enums.length > 0) return enums;
  if (older['properties'] !== undefined || newer['properties'] !== undefined) return objectProblems(older, newer, at);
  if (older['items'] !== undefined && newer['items'] !== undefined) return fieldProblems(older['items'] as Schema, newer['items'] as Schema, `${at}[]`);
  const changed = KEPT.find((keyword) => !same(older[keyword], newer[keyword]));
  return changed === undefined ? [] : [`${at} changed ${changed}`];
};

/** `collab.<service>.<Type>.v<N>` → the same type at N-1. */
const previousOf = (eventType: string): string | undefined => {
  const match = /^(.*)\.v(\d+)$/.exec(eventType);
  return match && Number(match[2]) > 1 ? `${match[1]}.v${Number(match[2]) - 1}` : undefined;
};

/**
 * The rules of the published language (DESIGN §5): a published type@version never changes and never
 * goes away (its fingerprint in the baseline lock stays); a new version of a type must be backward
 * compatible with the version before it, or be published as a new type.
 */
export const compatibilityProblems = (
  baseline: Readonly<Record<string, string>>,
  current: ReadonlyMap<string, Schema>,
): string[] => {
  const problems: string[] = [];
  for (const [eventType, fingerprint] of Object.entries(baseline)) {
    const schema = current.get(eventType);
    if (schema === undefined) problems.push(`${eventType} was published and is gone: keep it readable`);
    else if (fingerprintOf(schema) !== fingerprint)
      problems.push(`${eventType} was published and changed in place: publish a new version instead`);
  }
  for (const [eventType, schema] of current) {
    if (eventType in baseline) continue;
    const previous = previousOf(eventType);
    const older = previous === undefined ? undefined : current.get(previous);
    if (older !== undefined)
      problems.push(
        ...objectProblems(older, schema, eventType).map(
          (problem) => `${problem} (a new version must be backward compatible, or a new type)`,
        ),
      );
  }
  return problems;
};
