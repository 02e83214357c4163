import { Conflict, assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';

/** The first request with this key; the hash is of the normalised request, so the body decides sameness. */
export interface IdempotencyKeyClaimed {
  readonly type: 'IdempotencyKeyClaimed';
  readonly data: { readonly requestHash: string; readonly claimedAt: string };
}

/** The answer given to that request, replayed to every retry. */
export interface IdempotentRequestCompleted {
  readonly type: 'IdempotentRequestCompleted';
  readonly data: { readonly answer: Readonly<Record<string, unknown>> };
}

/** The key claimed and its answer recorded at once, in the same append as the work it answers for. */
export interface IdempotentRequestAnswered {
  readonly type: 'IdempotentRequestAnswered';
  readonly data: { readonly requestHash: string; readonly answeredAt: string; readonly answer: Readonly<Record<string, unknown>> };
}

export type IdempotencyEvent = IdempotencyKeyClaimed | IdempotentRequestCompleted | IdempotentRequestAnswered;

export type IdempotencyState =
  | { readonly status: 'unclaimed' }
  | { readonly status: 'claimed'; readonly requestHash: string; readonly claimedAt: string }
  | { readonly status: 'completed'; readonly requestHash: string; readonly answer: Readonly<Record<string, unknown>> };

export type IdempotencyCommand =
  | { readonly type: 'ClaimKey'; readonly requestHash: string }
  | { readonly type: 'CompleteRequest'; readonly requestHash: string; readonly answer: Readonly<Record<string, unknown>> }
  /** Claim and complete at once: the key's record written together with the work it answers for. */
  | { readonly type: 'AnswerRequest'; readonly requestHash: string; readonly answer: Readonly<Record<string, unknown>> };

const evolve = (state: IdempotencyState, event: IdempotencyEvent): IdempotencyState => {
  switch (event.type) {
    case 'IdempotencyKeyClaimed':
      return { status: 'claimed', ...event.data };
    case 'IdempotentRequestCompleted':
      return state.status === 'unclaimed' ? state : { status: 'completed', requestHash: state.requestHash, answer: event.data.answer };
    case 'IdempotentRequestAnswered':
      return { status: 'completed', requestHash: event.data.requestHash, answer: event.data.answer };
    default:
      return assertNever(event);
  }
};

const refuseOtherBody = (state: IdempotencyState, requestHash: string): void => {
  if (state.status !== 'unclaimed' && state.requestHash !== requestHash)
    throw new Conflict('this Idempotency-Key was already used with a different request body');
};

/** A key claimed by a request that died before answering (before answers were recorded at once) is completed. */
const answer = (command: { requestHash: string; answer: Readonly<Record<string, unknown>> }, state: IdempotencyState, now: Date): IdempotencyEvent[] => {
  if (state.status === 'completed') return [];
  if (state.status === 'claimed') return [{ type: 'IdempotentRequestCompleted', data: { answer: command.answer } }];
  return [{ type: 'IdempotentRequestAnswered', data: { requestHash: command.requestHash, answeredAt: now.toISOString(), answer: command.answer } }];
};

const decide = (command: IdempotencyCommand, state: IdempotencyState, context: DecisionContext): IdempotencyEvent[] => {
  refuseOtherBody(state, command.requestHash);
  switch (command.type) {
    case 'ClaimKey':
      return state.status === 'unclaimed' ? [{ type: 'IdempotencyKeyClaimed', data: { requestHash: command.requestHash, claimedAt: context.now.toISOString() } }] : [];
    case 'CompleteRequest':
      return state.status === 'completed' ? [] : [{ type: 'IdempotentRequestCompleted', data: { answer: command.answer } }];
    case 'AnswerRequest':
      return answer(command, state, context.now);
    default:
      return assertNever(command);
  }
};

/** Same key and body → same answer, no second case; same key, other body → Conflict (409). */
export const idempotencyDecider: Decider<IdempotencyCommand, IdempotencyEvent, IdempotencyState> = {
  initialState: () => ({ status: 'unclaimed' }),
  evolve,
  decide,
};

/** Keys are scoped to the caller, so two channels cannot collide on the same key by accident. */
export const idempotencyStreamId = (scopedKeyHash: string): string => `idempotency-${scopedKeyHash}`;
