import { assertNever } from '@collab/domain-kernel';
import type { RecordCollaborationOutcome } from '../case.commands';
import type { CollaborationTaskOpened } from '../case.events';
import type { CreateCollaborationTask } from './task.commands';
import type { CollaborationTaskEvent } from './task.events';

/*
 * The two translations a process manager makes between a case and its tasks. The case decides
 * first (is it being worked, is the parent task open), then the task stream is created from the
 * recorded request; each task's end is recorded back on the case.
 */

/** The command that creates the task stream for a task the case opened. */
export const taskCreationFor = ({ data }: CollaborationTaskOpened): CreateCollaborationTask => ({
  type: 'CreateCollaborationTask',
  caseId: data.caseId,
  from: data.from,
  request: {
    taskId: data.taskId,
    parentTaskId: data.parentTaskId,
    to: data.to,
    reason: data.reason,
    sla: data.sla,
    acceptDueAt: data.acceptDueAt,
    completeDueAt: data.completeDueAt,
  },
  actor: data.actor,
});

/**
 * The case command recording how a task ended, or null for an event that does not end it. The
 * caller adds `supervisors` for ping-pong escalation. A case cancelled meanwhile refuses it
 * (IllegalTransition): its open tasks were listed on CaseCancelled and are withdrawn.
 */
export const caseOutcomeFor = (event: CollaborationTaskEvent): RecordCollaborationOutcome | null => {
  const outcome = {
    type: 'RecordCollaborationOutcome',
    caseId: event.data.caseId,
    taskId: event.data.taskId,
  } as const;
  switch (event.type) {
    case 'TaskCompleted':
      return { ...outcome, outcome: 'COMPLETED', reason: null, actor: event.data.actor };
    case 'TaskReturned':
      return { ...outcome, outcome: 'RETURNED', reason: event.data.reasonCode, actor: event.data.actor };
    case 'TaskWithdrawn':
      return { ...outcome, outcome: 'WITHDRAWN', reason: event.data.reason, actor: event.data.actor };
    case 'CollaborationRequested':
    case 'TaskAccepted':
    case 'TaskNoteAdded':
    case 'TaskUrged':
      return null;
    default:
      return assertNever(event);
  }
};
