import { createHash, randomUUID } from 'node:crypto';
import { deterministicEventId } from '@collab/event-store';
import { idempotencyStreamId } from '@collab/intake-domain';

export interface IdempotencyScope {
  /** Who asked (the token's subject): keys are the caller's own. */
  readonly caller: string;
  readonly key: string;
  /** Hash of the normalised request; the same key with another body is a conflict. */
  readonly requestHash: string;
}

/** Ids derived from the key: a retry of a request that died half-way reuses them, so nothing is written twice. */
export type IdFor = (purpose: string) => string;

/** The key's record: the stream it is kept in, with the request's hash. */
export interface IdempotencyRecord {
  readonly streamId: string;
  readonly requestHash: string;
}

export const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Without a key every submission is new: fresh ids every time. */
export const randomIds: IdFor = () => randomUUID();

/**
 * Same Idempotency-Key and body → the same answer and no second case. The key's record is written
 * in the same multi-stream append as the contact it answers for (claimed and answered at once), so
 * of twenty identical requests at once exactly one writes, and the others, refused by the record's
 * expected version, read its answer from the record when they try again: no claim, no polling.
 */
export const idempotencyOf = (scope: IdempotencyScope): { readonly record: IdempotencyRecord; readonly idFor: IdFor } => {
  const scoped = hashOf([scope.caller, scope.key]);
  return {
    record: { streamId: idempotencyStreamId(scoped), requestHash: scope.requestHash },
    idFor: (purpose) => deterministicEventId(scoped, purpose),
  };
};
