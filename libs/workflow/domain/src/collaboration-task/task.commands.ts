import type { Party } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import type { CollaborationRequest } from './collaboration-request';

/** Creates the task stream; a process manager sends it for each CollaborationTaskOpened (see taskRequestFor). */
export interface CreateCollaborationTask {
  readonly type: 'CreateCollaborationTask';
  readonly caseId: string;
  readonly from: Party;
  readonly request: CollaborationRequest;
  readonly actor: ActorRef;
}

/* `byUnit` is the unit (or partner) the actor acts for, from the caller's token: the target acts on its tasks, the asking unit urges or withdraws. */

export interface AcceptTask {
  readonly type: 'AcceptTask';
  readonly taskId: string;
  readonly byUnit: string;
  readonly actor: ActorRef;
}

export interface AddTaskNote {
  readonly type: 'AddTaskNote';
  readonly taskId: string;
  readonly byUnit: string;
  readonly note: string;
  readonly actor: ActorRef;
}

/**
 * A parent task ends only when no task it asked for is still open: either the caller waits for
 * them, or says `withdrawOpenChildren` and each open child is withdrawn first (see childWithdrawals).
 */
interface EndsChildren {
  readonly withdrawOpenChildren?: boolean;
}

export interface CompleteTask extends EndsChildren {
  readonly type: 'CompleteTask';
  readonly taskId: string;
  readonly byUnit: string;
  readonly result: string;
  readonly actor: ActorRef;
}

export interface ReturnTask extends EndsChildren {
  readonly type: 'ReturnTask';
  readonly taskId: string;
  readonly byUnit: string;
  readonly reasonCode: string;
  readonly note: string;
  readonly actor: ActorRef;
}

export interface UrgeTask {
  readonly type: 'UrgeTask';
  readonly taskId: string;
  readonly byUnit: string;
  readonly note: string;
  readonly actor: ActorRef;
}

export interface WithdrawTask {
  readonly type: 'WithdrawTask';
  readonly taskId: string;
  readonly byUnit: string;
  readonly reason: string;
  readonly actor: ActorRef;
}

export type CollaborationTaskCommand =
  CreateCollaborationTask | AcceptTask | AddTaskNote | CompleteTask | ReturnTask | UrgeTask | WithdrawTask;
