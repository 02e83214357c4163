import { isDeepStrictEqual } from 'node:util';
import type { AppendResult, NewEvent, RecordedEvent } from '../event-store.port';

export type PriorAppend =
  | { readonly kind: 'new' }
  | { readonly kind: 'retry'; readonly result: AppendResult }
  | { readonly kind: 'conflict'; readonly eventId: string };

const sameFact = (streamId: string, incoming: NewEvent, stored: RecordedEvent): boolean =>
  stored.streamId === streamId &&
  stored.type === incoming.type &&
  isDeepStrictEqual(stored.data, incoming.data);

/**
 * Decides what an append means given the events already stored under its ids: none stored is a
 * new append; all stored as the same facts in the same stream is an exact retry (answered with
 * the original result); anything in between is a conflict. Metadata is not compared: a retry may
 * carry a fresh trace context and is still the same fact.
 */
export const classifyPriorAppend = (
  streamId: string,
  events: readonly NewEvent[],
  stored: readonly (RecordedEvent | undefined)[],
): PriorAppend => {
  const found = stored.filter((event): event is RecordedEvent => event !== undefined);
  if (found.length === 0) return { kind: 'new' };
  const mismatch = events.find((event, index) => {
    const prior = stored[index];
    return prior === undefined || !sameFact(streamId, event, prior);
  });
  if (mismatch) return { kind: 'conflict', eventId: mismatch.id };
  const last = found.reduce((a, b) => (b.streamVersion > a.streamVersion ? b : a));
  return { kind: 'retry', result: { nextExpectedVersion: last.streamVersion, lastPosition: last.position } };
};
