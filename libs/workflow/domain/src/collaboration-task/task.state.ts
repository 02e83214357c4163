import { IllegalTransition, type Party } from '@collab/domain-kernel';
import type { CollaborationTarget } from './collaboration-request';

/** Who the task is between. */
export interface TaskParties {
  readonly taskId: string;
  readonly caseId: string;
  /** Who asked: the case's queue, or the parent task's holder for a chain. */
  readonly from: Party;
  readonly to: CollaborationTarget;
}

/** What an open task keeps besides its parties: how often and when last it was urged (催办). */
export interface OpenTaskRecord {
  readonly task: TaskParties;
  readonly urges: number;
  readonly lastUrgedAt: string | null;
}

export type CollaborationTaskState =
  | { readonly status: 'none' }
  | ({ readonly status: 'requested' } & OpenTaskRecord)
  | ({ readonly status: 'accepted' } & OpenTaskRecord)
  | { readonly status: 'completed' | 'returned' | 'withdrawn'; readonly task: TaskParties };

export type TaskStatus = CollaborationTaskState['status'];
export type OpenTaskState = Extract<CollaborationTaskState, { readonly status: 'requested' | 'accepted' }>;

/** IllegalTransition (409 / FAILED_PRECONDITION) worded for a task: the kernel's message speaks of a case. */
export class IllegalTaskTransition extends IllegalTransition {
  constructor(command: string, state: TaskStatus, reason: string) {
    super(command, state, reason);
    this.message = `${command} is not allowed while the task is ${state}: ${reason}`;
  }
}

export function requireOpenTask(
  state: CollaborationTaskState,
  command: string,
  reason: string,
): asserts state is OpenTaskState {
  if (state.status !== 'requested' && state.status !== 'accepted')
    throw new IllegalTaskTransition(command, state.status, reason);
}
