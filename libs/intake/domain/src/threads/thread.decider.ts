import { assertNever, type Decider, type DecisionContext } from '@collab/domain-kernel';

/*
 * Which case a conversation thread (an email thread, a chat session) belongs to. The stream holds
 * ThreadStarted, then a ThreadMoved each time a contact on the thread found its case ended and
 * went elsewhere: the last event names the thread's case. `customerId` (the case's customer, whose
 * stream says whether the case ended) is absent from events written before it was recorded.
 */

export interface ThreadStarted {
  readonly type: 'ThreadStarted';
  readonly data: { readonly threadRef: string; readonly caseId: string; readonly customerId?: string };
}

export interface ThreadMoved {
  readonly type: 'ThreadMoved';
  readonly data: { readonly threadRef: string; readonly caseId: string; readonly previousCaseId: string; readonly customerId?: string };
}

export type ThreadEvent = ThreadStarted | ThreadMoved;

export type ThreadState =
  | { readonly status: 'unbound' }
  | { readonly status: 'bound'; readonly caseId: string; readonly customerId?: string };

/** Binds the thread to the case its contact went to; `previousCaseId` when the thread's case had ended. */
export interface BindThread {
  readonly type: 'BindThread';
  readonly threadRef: string;
  readonly caseId: string;
  readonly customerId: string;
  readonly previousCaseId?: string;
}

const evolve = (_state: ThreadState, event: ThreadEvent): ThreadState => {
  switch (event.type) {
    case 'ThreadStarted':
    case 'ThreadMoved': {
      const { caseId, customerId } = event.data;
      return customerId === undefined ? { status: 'bound', caseId } : { status: 'bound', caseId, customerId };
    }
    default:
      return assertNever(event);
  }
};

/**
 * The first case to claim a thread keeps it until that case ends; then the thread moves to the
 * case its next contact went to. A thread already on the case, or on another than the ended one
 * (a contact racing this one moved it first), is left as it is.
 */
const decide = (command: BindThread, state: ThreadState, _context: DecisionContext): ThreadEvent[] => {
  const { threadRef, caseId, customerId, previousCaseId } = command;
  if (state.status === 'unbound') return [{ type: 'ThreadStarted', data: { threadRef, caseId, customerId } }];
  if (previousCaseId === undefined || state.caseId !== previousCaseId) return [];
  return [{ type: 'ThreadMoved', data: { threadRef, caseId, previousCaseId, customerId } }];
};

export const threadDecider: Decider<BindThread, ThreadEvent, ThreadState> = {
  initialState: () => ({ status: 'unbound' }),
  evolve,
  decide,
};
