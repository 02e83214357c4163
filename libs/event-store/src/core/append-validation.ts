import type { ExpectedVersion, NewEvent, StreamAppend } from '../event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rejects malformed appends before they reach a batch, so one caller's mistake can never fail
 * the other appends written in the same transaction. Ids are compared lower-cased everywhere
 * because PostgreSQL's uuid type returns them that way.
 */
export const validateAppend = (
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
): void => {
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new TypeError('streamId must be a non-empty string');
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0))
    throw new TypeError(
      `expected version must be a non-negative integer, 'any' or 'no_stream', got ${expected}`,
    );
  const seen = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) throw new TypeError(`event id ${event.id} is not a UUID`);
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new TypeError(`event id ${event.id} appears twice in one append to ${streamId}`);
    seen.add(id);
  }
};

/**
 * Each append on its own, and the group as a whole: one stream at most once (two appends to one
 * stream would be decided against the same version), and no event id twice across the streams.
 */
export const validateAppendMany = (appends: readonly StreamAppend[]): void => {
  const streams = new Set<string>();
  const ids = new Set<string>();
  for (const { streamId, events, expected } of appends) {
    validateAppend(streamId, events, expected);
    if (streams.has(streamId)) throw new TypeError(`stream ${streamId} appears twice in one appendMany`);
    streams.add(streamId);
    for (const event of events) {
      const id = event.id.toLowerCase();
      if (ids.has(id)) throw new TypeError(`event id ${event.id} appears in two streams of one appendMany`);
      ids.add(id);
    }
  }
};

/** Whether a stream at `actual` satisfies `expected` (1-based versions, 0 = empty). */
export const satisfies = (expected: ExpectedVersion, actual: number): boolean => {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  return expected === actual;
};

/** The wire form used by the SQL adapter: -1 for 'any', otherwise the exact version (0 = no stream). */
export const expectedAsNumber = (expected: ExpectedVersion): number => {
  if (expected === 'any') return -1;
  if (expected === 'no_stream') return 0;
  return expected;
};
