/* Test fixtures for the SLA specs: business words, defaults for everything else. Not exported from the lib. */
import { validateCalendar, type BusinessCalendar } from '@collab/business-calendar';
import { fold } from '@collab/domain-kernel';
import type { EscalationPolicy } from '../process/process-definition';
import type * as C from './sla.commands';
import { slaDecider } from './sla.decider';
import type * as E from './sla.events';
import type { SlaState } from './sla.state';

/** Wall-clock time on the Shanghai desk (UTC+8, no DST) as an ISO instant. */
export const shanghai = (local: string): string => new Date(`${local}+08:00`).toISOString();

const nineToFive = [{ start: '09:00', end: '17:00' }];

/** A 9–17 desk in Shanghai, Monday to Friday. */
export const nineToFiveDesk: BusinessCalendar = validateCalendar({
  id: 'nine-to-five',
  name: '9–17 desk',
  timeZone: 'Asia/Shanghai',
  weeklyHours: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
});

export const escalation: EscalationPolicy = {
  warnAtPercent: 80,
  levels: [
    { level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' },
    { level: 2, atPercent: 150, notify: 'PARENT_UNIT_SUPERVISOR' },
  ],
};

/*
 * The running example: a case opened Friday 2026-11-20 16:30 on the 9–17 desk with a 60-minute
 * response and a 480-minute resolution target. 30 minutes are left on Friday, so:
 *   response   warns Mon 09:18 (48 min), due Mon 09:30, level 2 Mon 10:00 (90 min)
 *   resolution warns Mon 14:54 (384 min), due Mon 16:30, level 2 Tue 12:30 (720 min)
 */
export const OPENED = shanghai('2026-11-20T16:30:00');

export const startCaseClocks = (o: Partial<C.StartCaseClocks> = {}): C.StartCaseClocks => ({
  type: 'StartCaseClocks',
  caseId: 'case-1',
  openedAt: OPENED,
  sla: { calendarId: 'nine-to-five', responseWithinBusinessMinutes: 60, resolutionWithinBusinessMinutes: 480 },
  escalation,
  responseDueAt: shanghai('2026-11-23T09:30:00'),
  resolutionDueAt: shanghai('2026-11-23T16:30:00'),
  calendar: nineToFiveDesk,
  ...o,
});

export const startTaskClocks = (o: Partial<C.StartTaskClocks> = {}): C.StartTaskClocks => ({
  type: 'StartTaskClocks',
  caseId: 'case-1',
  taskId: 'task-1',
  clockHolder: { kind: 'UNIT', id: 'billing-dept' },
  openedAt: shanghai('2026-11-23T10:00:00'),
  sla: { calendarId: 'nine-to-five', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 240 },
  acceptDueAt: shanghai('2026-11-23T11:00:00'),
  completeDueAt: shanghai('2026-11-23T14:00:00'),
  calendar: nineToFiveDesk,
  ...o,
});

export const stopClocks = (o: Partial<C.StopSlaClocks> = {}): C.StopSlaClocks => ({
  type: 'StopSlaClocks',
  caseId: 'case-1',
  clockKeys: ['case:response'],
  reason: 'WORK_STARTED',
  at: shanghai('2026-11-23T09:10:00'),
  ...o,
});

const RESPONSE_RUN = { caseId: 'case-1', clockKey: 'case:response', startedAt: OPENED } as const;

export const recordWarning = (o: Partial<C.RecordSlaWarning> = {}): C.RecordSlaWarning => ({
  type: 'RecordSlaWarning',
  ...RESPONSE_RUN,
  ...o,
});
export const recordBreach = (o: Partial<C.RecordSlaBreach> = {}): C.RecordSlaBreach => ({
  type: 'RecordSlaBreach',
  ...RESPONSE_RUN,
  ...o,
});
export const escalate = (o: Partial<C.EscalateSla> = {}): C.EscalateSla => ({
  type: 'EscalateSla',
  ...RESPONSE_RUN,
  level: 1,
  clockHolder: { kind: 'UNIT', id: 'front-line-sz' },
  supervisorUnit: 'front-line-sz',
  supervisorId: 'sup-wang',
  ...o,
});

/** The events a command decides on a history, at a moment. */
export const decided = (history: readonly E.SlaEvent[], command: C.SlaCommand, now: string): readonly E.SlaEvent[] =>
  slaDecider.decide(command, fold(slaDecider, history), { now: new Date(now) });

/** Runs commands one after another, each on the events so far: the stream a sequence leaves. */
export const streamAfter = (steps: readonly (readonly [C.SlaCommand, string])[]): E.SlaEvent[] =>
  steps.reduce<E.SlaEvent[]>((history, [command, now]) => [...history, ...decided(history, command, now)], []);

export const stateOf = (history: readonly E.SlaEvent[]): SlaState => fold(slaDecider, history);

export const caseClocksStarted = (): E.SlaEvent[] => streamAfter([[startCaseClocks(), OPENED]]);
