import { addBusinessTime } from '@collab/business-calendar';
import { partyOf, type Party } from '@collab/domain-kernel';
import { minutesAfter } from '../case-policy';
import type { EscalationPolicy } from '../process/process-definition';
import type {
  ClockCalendar,
  RestartResolutionClock,
  StartAutoCloseClock,
  StartCaseClocks,
  StartTaskClocks,
} from './sla.commands';
import { taskAcceptClock, taskCompleteClock, type SlaClockKey, type SlaClockStarted } from './sla.events';
import { clockInstants, DEFAULT_SLA_ESCALATION } from './sla-instants';
import type { SlaState } from './sla.state';

/*
 * Starting clocks. Each start is decided once per run: the clock keeper may see its source event
 * again after a crash, and a repeated start must change nothing. A key that never ran starts; a
 * stopped key starts again only for a later fact (a reopening, another resolution).
 */

interface ClockFigures {
  readonly caseId: string;
  readonly clockKey: SlaClockKey;
  readonly taskId: string | null;
  readonly clockHolder: Party | null;
  readonly calendarId: string | null;
  readonly targetMinutes: number;
  readonly startedAt: string;
  readonly dueAt: string;
}

const clockStarted = (figures: ClockFigures, on: ClockCalendar, policy: EscalationPolicy): SlaClockStarted => {
  const span = {
    startedAt: new Date(figures.startedAt),
    dueAt: new Date(figures.dueAt),
    targetMinutes: figures.targetMinutes,
    calendar: on.calendar,
    ...(on.priority === undefined ? {} : { priority: on.priority }),
  };
  const instants = clockInstants(span, policy);
  return {
    type: 'SlaClockStarted',
    data: { ...figures, startedAt: span.startedAt.toISOString(), dueAt: span.dueAt.toISOString(), ...instants },
  };
};

const neverRan = (state: SlaState, key: SlaClockKey): boolean => state.clocks[key] === undefined;

/** Stopped, and started before `instant`: a fact after that run may start the next one. */
const mayRunAgainAt = (state: SlaState, key: SlaClockKey, instant: string): boolean => {
  const clock = state.clocks[key];
  if (!clock) return true;
  return clock.stopped !== null && Date.parse(clock.startedAt) < Date.parse(instant);
};

export const startCaseClocks = (command: StartCaseClocks, state: SlaState): SlaClockStarted[] => {
  const common = { caseId: command.caseId, taskId: null, clockHolder: null, calendarId: command.sla.calendarId, startedAt: command.openedAt };
  const clocks: ClockFigures[] = [
    { ...common, clockKey: 'case:response', targetMinutes: command.sla.responseWithinBusinessMinutes, dueAt: command.responseDueAt },
    { ...common, clockKey: 'case:resolution', targetMinutes: command.sla.resolutionWithinBusinessMinutes, dueAt: command.resolutionDueAt },
  ];
  return clocks
    .filter((clock) => neverRan(state, clock.clockKey))
    .map((clock) => clockStarted(clock, command, command.escalation));
};

export const startTaskClocks = (command: StartTaskClocks, state: SlaState): SlaClockStarted[] => {
  const common = {
    caseId: command.caseId,
    taskId: command.taskId,
    clockHolder: partyOf(command.clockHolder),
    calendarId: command.sla.calendarId,
    startedAt: command.openedAt,
  };
  const clocks: ClockFigures[] = [
    { ...common, clockKey: taskAcceptClock(command.taskId), targetMinutes: command.sla.acceptWithinBusinessMinutes, dueAt: command.acceptDueAt },
    { ...common, clockKey: taskCompleteClock(command.taskId), targetMinutes: command.sla.completeWithinBusinessMinutes, dueAt: command.completeDueAt },
  ];
  // A task has no escalation policy of its own: it follows the system's percentages if set, else its case's.
  const policy = command.escalation ?? state.caseEscalation ?? DEFAULT_SLA_ESCALATION;
  return clocks.filter((clock) => neverRan(state, clock.clockKey)).map((clock) => clockStarted(clock, command, policy));
};

export const restartResolutionClock = (command: RestartResolutionClock, state: SlaState): SlaClockStarted[] => {
  const previous = state.clocks['case:resolution'];
  if (!previous || !mayRunAgainAt(state, 'case:resolution', command.reopenedAt)) return [];
  const startedAt = new Date(command.reopenedAt);
  const options = command.priority === undefined ? {} : { priority: command.priority };
  const dueAt = command.calendar
    ? addBusinessTime(command.calendar, startedAt, previous.targetMinutes, options)
    : minutesAfter(command.reopenedAt, previous.targetMinutes);
  const figures: ClockFigures = {
    caseId: command.caseId,
    clockKey: 'case:resolution',
    taskId: null,
    clockHolder: null,
    calendarId: previous.calendarId,
    targetMinutes: previous.targetMinutes,
    startedAt: command.reopenedAt,
    dueAt: dueAt.toISOString(),
  };
  return [clockStarted(figures, command, command.escalation ?? state.caseEscalation ?? DEFAULT_SLA_ESCALATION)];
};

/** The quiet period counts calendar minutes and only closes the case: no warning, no escalation. */
export const startAutoCloseClock = (command: StartAutoCloseClock, state: SlaState): SlaClockStarted[] => {
  if (!mayRunAgainAt(state, 'case:auto-close', command.resolvedAt)) return [];
  const figures: ClockFigures = {
    caseId: command.caseId,
    clockKey: 'case:auto-close',
    taskId: null,
    clockHolder: null,
    calendarId: null,
    targetMinutes: command.quietMinutes,
    startedAt: command.resolvedAt,
    dueAt: minutesAfter(command.resolvedAt, command.quietMinutes).toISOString(),
  };
  return [clockStarted(figures, { calendar: null }, { warnAtPercent: 100, levels: [] })];
};
