import { z } from 'zod';
import { ValidationFailed } from '@collab/domain-kernel';
import { answerSchema } from './answers/answer-schemas';

/**
 * One envelope for every list the REST API answers (DESIGN.md §5): `{ items, page }`. `page.next`
 * is an opaque cursor for `?after=`, null on the last page; `page.total` is given where counting
 * is cheap and the caller may see every counted item (never a count that leaks hidden ones).
 */
export interface PageInfo {
  readonly limit: number;
  readonly next: string | null;
  readonly total?: number;
}

export interface ListPage<Item> {
  readonly items: readonly Item[];
  readonly page: PageInfo;
}

export const pageInfoSchema = answerSchema(
  'PageInfo',
  z.strictObject({
    limit: z.number().int().meta({ description: 'The most items this page could hold.' }),
    next: z.string().nullable().meta({ description: 'Pass as `after` for the next page; null on the last page.' }),
    total: z.number().int().optional().meta({ description: 'How many items all pages hold, where it is known.' }),
  }),
);

/** The named answer schema of a list of `item`, e.g. `listPageSchema('TaskList', taskSchema)`. */
export const listPageSchema = <Item extends z.ZodType>(id: string, item: Item) =>
  answerSchema(id, z.strictObject({ items: z.array(item), page: pageInfoSchema }));

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

/** `?limit=&after=`: merge into a list's query schema (`z.strictObject({ ...pageQueryShape, status })`). */
export const pageQueryShape = {
  limit: z.coerce
    .number({ message: `must be a whole number from 1 to ${PAGE_LIMIT_MAX}` })
    .int({ message: `must be a whole number from 1 to ${PAGE_LIMIT_MAX}` })
    .min(1, { message: `must be a whole number from 1 to ${PAGE_LIMIT_MAX}` })
    .max(PAGE_LIMIT_MAX, { message: `must be a whole number from 1 to ${PAGE_LIMIT_MAX}` })
    .default(PAGE_LIMIT_DEFAULT),
  after: z
    .string()
    .max(256, { message: 'must be a cursor from an earlier page (at most 256 characters)' })
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'must be a cursor from an earlier page' })
    .optional(),
};

export interface PageRequest {
  readonly limit: number;
  readonly after?: string | undefined;
}

/** A cursor is the last shown item's sort key, base64url-encoded so callers treat it as opaque. */
export const cursorOf = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

/** The sort key a cursor holds; undefined for no cursor. A cursor that does not decode is a client's mistake (400). */
export const keyAfter = (after: string | undefined): string | undefined => {
  if (after === undefined) return undefined;
  const key = Buffer.from(after, 'base64url').toString('utf8');
  if (key.length === 0 || cursorOf(key) !== after) throw new ValidationFailed([{ field: 'after', message: 'must be a cursor from an earlier page' }]);
  return key;
};

/**
 * A page of a list already held in memory (catalogues: channels, calendars, units…), ordered by
 * `keyOf`, which must be unique. Lists read from a table page in SQL with the same cursor.
 */
export const pageOf = <Item>(all: readonly Item[], request: PageRequest, keyOf: (item: Item) => string): ListPage<Item> => {
  const after = keyAfter(request.after);
  const ordered = [...all].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const start = after === undefined ? 0 : ordered.findIndex((item) => compareKeys(keyOf(item), after) > 0);
  const rest = start < 0 ? [] : ordered.slice(start);
  const items = rest.slice(0, request.limit);
  const last = items.at(-1);
  return {
    items,
    page: { limit: request.limit, next: rest.length > items.length && last !== undefined ? cursorOf(keyOf(last)) : null, total: all.length },
  };
};

/** Code-point order, the same in every locale and in PostgreSQL's `COLLATE "C"`. */
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
