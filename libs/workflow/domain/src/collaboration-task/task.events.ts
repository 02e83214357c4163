import type { Party } from '@collab/domain-kernel';
import type { ActorRef } from '../actor';
import type { CollaborationRequest, CollaborationTarget } from './collaboration-request';

/*
 * A collaboration task (协同单) on its own stream: requested → accepted → completed, or returned
 * (退单) with a reason, or withdrawn by the unit that asked; urged (催办) while open. Every event
 * names its task and case, the actor and the time; the correlation id rides in the metadata.
 */

/**
 * The case owner's queue, or the holder of the parent task (a unit or a partner), asked another unit
 * or a partner for help. Schema version 2 names the asker with its kind (`from`); version 1 held the
 * id only (`fromUnit`), lifted as stored-event-versions.ts says.
 */
export interface CollaborationRequested {
  readonly type: 'CollaborationRequested';
  readonly data: CollaborationRequest & {
    readonly caseId: string;
    readonly from: Party;
    readonly actor: ActorRef;
    readonly requestedAt: string;
  };
}

/** The target took the task on. Schema version 2: `by` (the target, with its kind) replaced `unit`, which held its id. */
export interface TaskAccepted {
  readonly type: 'TaskAccepted';
  readonly data: {
    readonly taskId: string;
    readonly caseId: string;
    readonly by: Party & { readonly kind: CollaborationTarget['kind'] };
    readonly actor: ActorRef;
    readonly acceptedAt: string;
  };
}

/**
 * A note by either side: a question, an answer, progress. Schema version 2: `by` (the side that wrote
 * it, with its kind: the asker or the target) replaced `unit`, which held its id.
 */
export interface TaskNoteAdded {
  readonly type: 'TaskNoteAdded';
  readonly data: {
    readonly taskId: string;
    readonly caseId: string;
    readonly by: Party;
    readonly note: string;
    readonly actor: ActorRef;
    readonly addedAt: string;
  };
}

export interface TaskCompleted {
  readonly type: 'TaskCompleted';
  readonly data: {
    readonly taskId: string;
    readonly caseId: string;
    readonly result: string;
    readonly actor: ActorRef;
    readonly completedAt: string;
  };
}

/** 退单: the target hands the task back with a reason code from the managed list and a note. */
export interface TaskReturned {
  readonly type: 'TaskReturned';
  readonly data: {
    readonly taskId: string;
    readonly caseId: string;
    readonly reasonCode: string;
    readonly note: string;
    readonly actor: ActorRef;
    readonly returnedAt: string;
  };
}

/** 催办: the unit that asked presses for progress; `urgeCount` is how many times so far. */
export interface TaskUrged {
  readonly type: 'TaskUrged';
  readonly data: {
    readonly taskId: string;
    readonly caseId: string;
    readonly note: string;
    readonly urgeCount: number;
    readonly actor: ActorRef;
    readonly urgedAt: string;
  };
}

/** The unit that asked no longer needs the help (e.g. the case was cancelled). */
export interface TaskWithdrawn {
  readonly type: 'TaskWithdrawn';
  readonly data: {
    readonly taskId: string;
    readonly caseId: string;
    readonly reason: string;
    readonly actor: ActorRef;
    readonly withdrawnAt: string;
  };
}

export type CollaborationTaskEvent =
  | CollaborationRequested
  | TaskAccepted
  | TaskNoteAdded
  | TaskCompleted
  | TaskReturned
  | TaskUrged
  | TaskWithdrawn;

/** Every event of a task stream (what the task view follows); a Record, so one left out is a compile error. */
const TASK_EVENT_TYPE_SET: Readonly<Record<CollaborationTaskEvent['type'], true>> = {
  CollaborationRequested: true,
  TaskAccepted: true,
  TaskNoteAdded: true,
  TaskCompleted: true,
  TaskReturned: true,
  TaskUrged: true,
  TaskWithdrawn: true,
};
export const COLLABORATION_TASK_EVENT_TYPES = Object.keys(TASK_EVENT_TYPE_SET) as readonly CollaborationTaskEvent['type'][];
