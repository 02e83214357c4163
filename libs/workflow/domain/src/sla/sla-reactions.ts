import { partyOf } from '@collab/domain-kernel';
import type { BusinessCalendar } from '@collab/business-calendar';
import type { WorkflowCaseEvent } from '../case.events';
import type { CollaborationTaskEvent } from '../collaboration-task/task.events';
import type { EscalationPolicy } from '../process/process-definition';
import type { SlaCommand, StopSlaClocks } from './sla.commands';
import { taskAcceptClock, taskCompleteClock, type SlaStopReason } from './sla.events';
import type { SlaState } from './sla.state';

/*
 * Which case and task facts start and stop which clocks — the clock keeper's whole policy:
 *
 *   CaseProcessStarted        start case:response and case:resolution, from the case's opening
 *   CaseWorkStarted           stop  case:response (the first response)
 *   CollaborationTaskOpened   start task:<id>:accept and task:<id>:complete, on the task's own SLA
 *   TaskAccepted              stop  task:<id>:accept
 *   TaskCompleted | TaskReturned | TaskWithdrawn   stop both clocks of the task
 *   CaseResolved              stop  case:response and case:resolution; start case:auto-close
 *   CaseClosed                stop  case:auto-close
 *   CaseReopened              stop  case:auto-close; start case:resolution afresh (see RestartResolutionClock)
 *   CaseCancelled             stop  every running clock of the case and its tasks
 */

export type SlaSourceEvent = WorkflowCaseEvent | CollaborationTaskEvent;

/** The facts a reaction needs besides the event; the app looks them up. */
export interface SlaReactionContext {
  /** The case's SLA stream as it stands. */
  readonly state: SlaState;
  /** The calendar `calendarNeededBy` named, null when unknown or none was needed. */
  readonly calendar: BusinessCalendar | null;
  /** When the case was opened and its priority; null when its stream is not there. */
  readonly caseFacts: { readonly openedAt: string; readonly priority: string } | null;
  /** The case policy's quiet period after a resolution, in calendar minutes. */
  readonly quietMinutes: number;
  /**
   * The escalation percentages in force as a policy (a system parameter), for the clocks this
   * event starts; null while none are set, and each clock takes its case's process policy.
   */
  readonly systemEscalation: EscalationPolicy | null;
}

/** The calendar whose business time the event's clocks count; null when it starts none. */
export const calendarNeededBy = (event: SlaSourceEvent, state: SlaState): string | null => {
  if (event.type === 'CaseProcessStarted' || event.type === 'CollaborationTaskOpened') return event.data.sla.calendarId;
  if (event.type === 'CaseReopened') return state.clocks['case:resolution']?.calendarId ?? null;
  return null;
};

const stopping = (
  caseId: string,
  clockKeys: StopSlaClocks['clockKeys'],
  reason: SlaStopReason,
  at: string,
): StopSlaClocks => ({ type: 'StopSlaClocks', caseId, clockKeys, reason, at });

const taskStop = (data: { caseId: string; taskId: string }, reason: SlaStopReason, at: string): StopSlaClocks =>
  stopping(data.caseId, [taskAcceptClock(data.taskId), taskCompleteClock(data.taskId)], reason, at);

/** The system's percentages override the process's for a clock starting now; a running clock keeps its own. */
const systemEscalation = (context: SlaReactionContext) => (context.systemEscalation === null ? {} : { escalation: context.systemEscalation });

const onCalendar = (context: SlaReactionContext) => ({
  calendar: context.calendar,
  ...(context.caseFacts ? { priority: context.caseFacts.priority } : {}),
});

type Reaction<Type extends SlaSourceEvent['type']> = (
  event: Extract<SlaSourceEvent, { type: Type }>,
  context: SlaReactionContext,
) => SlaCommand[];

/** The events that start or stop clocks, each with what it calls for; any other event calls for nothing. */
const REACTIONS: { readonly [Type in SlaSourceEvent['type']]?: Reaction<Type> } = {
  CaseProcessStarted: ({ data }, context) => {
    const { caseId, sla, escalation, responseDueAt, resolutionDueAt, startedAt } = data;
    // The due times count from the case's opening; the routing time stands in only without it.
    const openedAt = context.caseFacts?.openedAt ?? startedAt;
    const policy = context.systemEscalation ?? escalation;
    return [{ type: 'StartCaseClocks', caseId, openedAt, sla, escalation: policy, responseDueAt, resolutionDueAt, ...onCalendar(context) }];
  },
  CaseWorkStarted: ({ data }) => [stopping(data.caseId, ['case:response'], 'WORK_STARTED', data.startedAt)],
  CollaborationTaskOpened: ({ data }, context) => {
    const { caseId, taskId, to, openedAt, sla, acceptDueAt, completeDueAt } = data;
    const clocks = { caseId, taskId, clockHolder: partyOf(to), openedAt, sla, acceptDueAt, completeDueAt };
    return [{ type: 'StartTaskClocks', ...clocks, ...onCalendar(context), ...systemEscalation(context) }];
  },
  CaseResolved: ({ data: { caseId, resolvedAt } }, context) => [
    stopping(caseId, ['case:response', 'case:resolution'], 'RESOLVED', resolvedAt),
    { type: 'StartAutoCloseClock', caseId, resolvedAt, quietMinutes: context.quietMinutes },
  ],
  CaseClosed: ({ data }) => [stopping(data.caseId, ['case:auto-close'], 'CLOSED', data.closedAt)],
  CaseReopened: ({ data: { caseId, reopenedAt } }, context) => [
    stopping(caseId, ['case:auto-close'], 'REOPENED', reopenedAt),
    { type: 'RestartResolutionClock', caseId, reopenedAt, ...onCalendar(context), ...systemEscalation(context) },
  ],
  CaseCancelled: ({ data }) => [stopping(data.caseId, 'EVERY_RUNNING_CLOCK', 'CANCELLED', data.cancelledAt)],
  TaskAccepted: ({ data }) => [stopping(data.caseId, [taskAcceptClock(data.taskId)], 'TASK_ACCEPTED', data.acceptedAt)],
  TaskCompleted: ({ data }) => [taskStop(data, 'TASK_COMPLETED', data.completedAt)],
  TaskReturned: ({ data }) => [taskStop(data, 'TASK_RETURNED', data.returnedAt)],
  TaskWithdrawn: ({ data }) => [taskStop(data, 'TASK_WITHDRAWN', data.withdrawnAt)],
};

/** The commands to the case's SLA stream that a case or task event calls for, in order; none for most events. */
export const slaCommandsFor = (event: SlaSourceEvent, context: SlaReactionContext): SlaCommand[] => {
  // The table is keyed by type, so the entry found takes exactly this event.
  const react = REACTIONS[event.type] as Reaction<SlaSourceEvent['type']> | undefined;
  return react ? react(event, context) : [];
};

/** Every event type that starts or stops a clock, so the keeper skips the rest without reading anything. */
export const SLA_SOURCE_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(REACTIONS));
