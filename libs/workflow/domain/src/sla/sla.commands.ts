import type { BusinessCalendar } from '@collab/business-calendar';
import type { Party } from '@collab/domain-kernel';
import type { TaskSla } from '../collaboration-task/collaboration-request';
import type { EscalationPolicy, StageSla } from '../process/process-definition';
import type { SlaClockKey, SlaStopReason } from './sla.events';

/*
 * Commands to a case's SLA stream. The first five come from the clock keeper, which follows the
 * case and task streams; the last three from the timer dispatcher when a durable timer is due.
 * Calendars come in resolved (the decider reads nothing); null means workflow does not know the
 * calendar, and the instants are then placed in calendar time between start and due.
 */

/** What every clock start carries besides its own figures: the calendar and the case's priority. */
export interface ClockCalendar {
  readonly calendar: BusinessCalendar | null;
  readonly priority?: string;
}

/** The case started on its process (CaseProcessStarted): its response and resolution clocks run from its opening. */
export interface StartCaseClocks extends ClockCalendar {
  readonly type: 'StartCaseClocks';
  readonly caseId: string;
  readonly openedAt: string;
  readonly sla: StageSla;
  readonly escalation: EscalationPolicy;
  readonly responseDueAt: string;
  readonly resolutionDueAt: string;
}

/** A collaboration task was opened (CollaborationTaskOpened): its accept and complete clocks run on its own SLA. */
export interface StartTaskClocks extends ClockCalendar {
  readonly type: 'StartTaskClocks';
  readonly caseId: string;
  readonly taskId: string;
  /** The unit or partner asked: it holds the task, its supervisor hears of escalations. */
  readonly clockHolder: Party;
  readonly openedAt: string;
  readonly sla: TaskSla;
  readonly acceptDueAt: string;
  readonly completeDueAt: string;
  /** The escalation percentages an administrator set (a system parameter); absent: the case's own policy. */
  readonly escalation?: EscalationPolicy;
}

/**
 * A reopened case must be resolved again: its resolution clock starts afresh from the reopening,
 * with the stage's whole resolution target on the same calendar. The first clock's verdict stays
 * as it was recorded; the reopening itself counts in the reopen rate.
 */
export interface RestartResolutionClock extends ClockCalendar {
  readonly type: 'RestartResolutionClock';
  readonly caseId: string;
  readonly reopenedAt: string;
  /** The escalation percentages an administrator set (a system parameter); absent: the case's own policy. */
  readonly escalation?: EscalationPolicy;
}

/** The case was resolved: unless the requester confirms or reopens first, it closes itself after the quiet period. */
export interface StartAutoCloseClock {
  readonly type: 'StartAutoCloseClock';
  readonly caseId: string;
  readonly resolvedAt: string;
  /** Calendar minutes, as the case's policy has them. */
  readonly quietMinutes: number;
}

/** The work some clocks measure is done; `EVERY_RUNNING_CLOCK` when the case was cancelled. */
export interface StopSlaClocks {
  readonly type: 'StopSlaClocks';
  readonly caseId: string;
  readonly clockKeys: readonly SlaClockKey[] | 'EVERY_RUNNING_CLOCK';
  readonly reason: SlaStopReason;
  readonly at: string;
}

/** Which run of a clock a timer belongs to: a restarted clock has a new start, and old timers no longer count. */
export interface ClockRun {
  readonly caseId: string;
  readonly clockKey: SlaClockKey;
  readonly startedAt: string;
}

export interface RecordSlaWarning extends ClockRun {
  readonly type: 'RecordSlaWarning';
}

export interface RecordSlaBreach extends ClockRun {
  readonly type: 'RecordSlaBreach';
}

/** An escalation level is due; the dispatcher looked up whom it alerts in the org directory. */
export interface EscalateSla extends ClockRun {
  readonly type: 'EscalateSla';
  readonly level: number;
  readonly clockHolder: Party | null;
  readonly supervisorUnit: string | null;
  readonly supervisorId: string | null;
}

/** What the timer dispatcher sends when a timer is due. */
export type SlaTimerCommand = RecordSlaWarning | RecordSlaBreach | EscalateSla;

export type SlaCommand =
  | StartCaseClocks
  | StartTaskClocks
  | RestartResolutionClock
  | StartAutoCloseClock
  | StopSlaClocks
  | RecordSlaWarning
  | RecordSlaBreach
  | EscalateSla;
