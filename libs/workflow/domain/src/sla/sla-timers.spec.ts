import type { SlaClockStarted } from './sla.events';
import { timersOf, timerStanding, type TimerRef } from './sla-timers';
import {
  caseClocksStarted,
  OPENED,
  recordWarning,
  shanghai,
  startCaseClocks,
  stateOf,
  stopClocks,
  streamAfter,
} from './sla.fixtures';

const responseStarted = caseClocksStarted()[0] as SlaClockStarted;
const warning: TimerRef = { caseId: 'case-1', clockKey: 'case:response', startedAt: OPENED, kind: 'WARN', level: 0 };

describe('the timers a clock needs', () => {
  it('are its warning, its breach and each escalation level, at their instants', () =>
    expect(timersOf(responseStarted.data)).toEqual([
      { kind: 'WARN', level: 0, dueAt: shanghai('2026-11-23T09:18:00') },
      { kind: 'BREACH', level: 0, dueAt: shanghai('2026-11-23T09:30:00') },
      { kind: 'ESCALATE', level: 1, dueAt: shanghai('2026-11-23T09:30:00') },
      { kind: 'ESCALATE', level: 2, dueAt: shanghai('2026-11-23T10:00:00') },
    ]));

  it('has no warning timer when the policy warns of nothing before the breach', () =>
    expect(timersOf({ ...responseStarted.data, warnAt: null }).map((timer) => timer.kind)).toEqual(['BREACH', 'ESCALATE', 'ESCALATE']));

  it('is only the closing for the quiet period', () =>
    expect(timersOf({ ...responseStarted.data, clockKey: 'case:auto-close', escalations: [] })).toEqual([
      { kind: 'AUTO_CLOSE', level: 0, dueAt: responseStarted.data.dueAt },
    ]));
});

describe('a timer that fires', () => {
  const started = stateOf(caseClocksStarted());

  it('is due once its instant has come on a running clock', () =>
    expect(timerStanding(started, warning, new Date(shanghai('2026-11-23T09:18:00')))).toBe('due'));

  it('is not yet due before', () =>
    expect(timerStanding(started, warning, new Date(shanghai('2026-11-23T09:17:00')))).toBe('not-yet-due'));

  it('finds it already recorded after a crash between recording it and marking it fired', () =>
    expect(
      timerStanding(stateOf(streamAfter([[startCaseClocks(), OPENED], [recordWarning(), shanghai('2026-11-23T09:18:00')]])), warning, new Date(shanghai('2026-11-23T09:20:00'))),
    ).toBe('already-recorded'));

  it('finds its clock stopped when the work was done first', () =>
    expect(
      timerStanding(stateOf(streamAfter([[startCaseClocks(), OPENED], [stopClocks(), OPENED]])), warning, new Date(shanghai('2026-11-23T09:20:00'))),
    ).toBe('clock-stopped'));

  it('belongs to a stopped run when the clock restarted since', () =>
    expect(timerStanding(started, { ...warning, startedAt: shanghai('2026-11-20T09:00:00') }, new Date(shanghai('2026-11-30T09:00:00')))).toBe(
      'clock-stopped',
    ));

  it('of a clock the stream never had finds nothing to do', () =>
    expect(timerStanding(started, { ...warning, clockKey: 'task:task-9:accept' }, new Date(shanghai('2026-11-30T09:00:00')))).toBe('clock-stopped'));
});
