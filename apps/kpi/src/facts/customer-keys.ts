import { createHash } from 'node:crypto';
import type { ContextChange } from './fed-fact';

/**
 * The customer ids an event names, as the keys the KPI service links facts by. They are hashed: the
 * link needs only equality, and KPI tables then hold no customer id (personal data) of their own.
 * Ids are compared as written after NFC normalisation and trimming (a channel may send either form).
 */
export const customerKey = (id: string): string => createHash('sha256').update(`customer:${id.normalize('NFC').trim()}`).digest('hex').slice(0, 32);

/** The customer change of a fact, or none when the event names no customer. */
export const customerOf = (eventId: string, ids: readonly (string | undefined)[]): ContextChange[] => {
  const keys = [...new Set(ids.filter((id): id is string => id !== undefined && id.trim() !== '').map(customerKey))].sort();
  return keys.length === 0 ? [] : [{ kind: 'customer', eventId, keys }];
};

/** Every customer key among a fed's context changes, sorted: the order the fold locks them in, so two folds never wait on each other in a circle. */
export const customerKeysOf = (changes: readonly ContextChange[]): string[] =>
  [...new Set(changes.flatMap((change) => (change.kind === 'customer' ? change.keys : [])))].sort();
