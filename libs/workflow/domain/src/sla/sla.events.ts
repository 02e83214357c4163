import type { Party } from '@collab/domain-kernel';
import type { EscalationTarget } from '../process/process-definition';

/*
 * The clocks of one case, on their own stream `sla-<caseId>`: the case's response and resolution
 * clocks, the accept and complete clocks of each of its collaboration tasks, and the auto-close
 * quiet period after a resolution. A clock starts with all its instants worked out (warning,
 * breach, each escalation level) so that timers can be scheduled from the event alone; warnings,
 * breaches and escalations are recorded when a durable timer fires; a clock stops when the work
 * it measures is done, met if that was no later than its due time.
 *
 * Every event names the case and the clock, and the time in its data; the actor (the clock
 * keeper or the timer dispatcher) and the correlation id of the request that started the clock
 * ride in the event store's metadata.
 */

/** `case:response`, `case:resolution`, `case:auto-close`, `task:<taskId>:accept`, `task:<taskId>:complete`. */
export type SlaClockKey =
  | 'case:response'
  | 'case:resolution'
  | 'case:auto-close'
  | `task:${string}:accept`
  | `task:${string}:complete`;

/** One escalation level of a running clock, with the instant it is reached. */
export interface ScheduledEscalation {
  readonly level: number;
  readonly atPercent: number;
  readonly notify: EscalationTarget;
  readonly at: string;
}

/**
 * A clock started. `targetMinutes` are business minutes on `calendarId`; a clock without a
 * calendar (the auto-close quiet period) counts calendar minutes. `clockHolder` is the task's
 * target for a task clock, a UNIT or a PARTNER; null for the case's clocks, whose holder is the unit
 * owning the case's queue when an escalation fires (the case may have moved since the clock started).
 * Schema version 2; version 1 named the holder by id only (`holdingUnit`), see stored-event-versions.ts.
 */
export interface SlaClockStarted {
  readonly type: 'SlaClockStarted';
  readonly data: {
    readonly caseId: string;
    readonly clockKey: SlaClockKey;
    readonly taskId: string | null;
    readonly clockHolder: Party | null;
    readonly calendarId: string | null;
    readonly targetMinutes: number;
    readonly startedAt: string;
    readonly dueAt: string;
    /** Null when the clock warns of nothing (the quiet period, or a policy warning at 100 % or later). */
    readonly warnAt: string | null;
    readonly warnAtPercent: number | null;
    readonly escalations: readonly ScheduledEscalation[];
  };
}

/** The clock reached the policy's warning share of its target and is still running. */
export interface SlaWarning {
  readonly type: 'SlaWarning';
  readonly data: {
    readonly caseId: string;
    readonly clockKey: SlaClockKey;
    readonly taskId: string | null;
    readonly percent: number;
    readonly dueAt: string;
    readonly warnedAt: string;
  };
}

/** The clock ran past its due time without the work being done. */
export interface SlaBreached {
  readonly type: 'SlaBreached';
  readonly data: {
    readonly caseId: string;
    readonly clockKey: SlaClockKey;
    readonly taskId: string | null;
    readonly dueAt: string;
    readonly breachedAt: string;
  };
}

/**
 * An escalation level was reached: `supervisorId` of `supervisorUnit` is alerted about the work
 * `clockHolder` holds (the task's target, a UNIT or a PARTNER; for the case's clocks the UNIT owning
 * the case's queue). Null where the org directory names nobody (no supervisor, no parent unit).
 * Schema version 2; version 1 named the holder by id only (`holdingUnit`).
 */
export interface SlaEscalated {
  readonly type: 'SlaEscalated';
  readonly data: {
    readonly caseId: string;
    readonly clockKey: SlaClockKey;
    readonly taskId: string | null;
    readonly level: number;
    readonly notify: EscalationTarget;
    readonly clockHolder: Party | null;
    readonly supervisorUnit: string | null;
    readonly supervisorId: string | null;
    readonly dueAt: string;
    readonly escalatedAt: string;
  };
}

/** Why a clock stopped: the fact that ended the work it measures. */
export type SlaStopReason =
  | 'WORK_STARTED'
  | 'RESOLVED'
  | 'CANCELLED'
  | 'CLOSED'
  | 'REOPENED'
  | 'TASK_ACCEPTED'
  | 'TASK_COMPLETED'
  | 'TASK_RETURNED'
  | 'TASK_WITHDRAWN';

/** The clock stopped; `met` when that was no later than its due time. Its pending timers never fire. */
export interface SlaClockStopped {
  readonly type: 'SlaClockStopped';
  readonly data: {
    readonly caseId: string;
    readonly clockKey: SlaClockKey;
    readonly taskId: string | null;
    readonly reason: SlaStopReason;
    readonly dueAt: string;
    readonly met: boolean;
    readonly stoppedAt: string;
  };
}

export type SlaEvent = SlaClockStarted | SlaWarning | SlaBreached | SlaEscalated | SlaClockStopped;

export const SLA_EVENT_TYPES: readonly SlaEvent['type'][] = [
  'SlaClockStarted',
  'SlaWarning',
  'SlaBreached',
  'SlaEscalated',
  'SlaClockStopped',
];

export const slaStreamId = (caseId: string): string => `sla-${caseId}`;

export const taskAcceptClock = (taskId: string): SlaClockKey => `task:${taskId}:accept`;
export const taskCompleteClock = (taskId: string): SlaClockKey => `task:${taskId}:complete`;
