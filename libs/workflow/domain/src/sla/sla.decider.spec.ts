import { escalationPolicyOf } from '../system-parameters/escalation-percents';
import type { SlaEvent } from './sla.events';
import {
  caseClocksStarted,
  decided,
  escalate,
  nineToFiveDesk,
  OPENED,
  recordBreach,
  recordWarning,
  shanghai,
  startCaseClocks,
  startTaskClocks,
  stateOf,
  stopClocks,
  streamAfter,
} from './sla.fixtures';

const given = (...history: SlaEvent[]) => ({
  when: (command: Parameters<typeof decided>[1], at: string) => ({
    then: (...expected: SlaEvent[]) => expect(decided(history, command, at)).toEqual(expected),
  }),
});

const started = caseClocksStarted();
const MONDAY_09_18 = shanghai('2026-11-23T09:18:00');
const MONDAY_09_30 = shanghai('2026-11-23T09:30:00');

describe('a case starts on its process', () => {
  it('with a response and a resolution clock from its opening, every instant worked out on its calendar', () =>
    given()
      .when(startCaseClocks(), OPENED)
      .then(
        {
          type: 'SlaClockStarted',
          data: {
            caseId: 'case-1',
            clockKey: 'case:response',
            taskId: null,
            clockHolder: null,
            calendarId: 'nine-to-five',
            targetMinutes: 60,
            startedAt: OPENED,
            dueAt: MONDAY_09_30,
            warnAt: MONDAY_09_18,
            warnAtPercent: 80,
            escalations: [
              { level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR', at: MONDAY_09_30 },
              { level: 2, atPercent: 150, notify: 'PARENT_UNIT_SUPERVISOR', at: shanghai('2026-11-23T10:00:00') },
            ],
          },
        },
        {
          type: 'SlaClockStarted',
          data: {
            caseId: 'case-1',
            clockKey: 'case:resolution',
            taskId: null,
            clockHolder: null,
            calendarId: 'nine-to-five',
            targetMinutes: 480,
            startedAt: OPENED,
            dueAt: shanghai('2026-11-23T16:30:00'),
            warnAt: shanghai('2026-11-23T14:54:00'),
            warnAtPercent: 80,
            escalations: [
              { level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR', at: shanghai('2026-11-23T16:30:00') },
              { level: 2, atPercent: 150, notify: 'PARENT_UNIT_SUPERVISOR', at: shanghai('2026-11-24T12:30:00') },
            ],
          },
        },
      ));

  it('once: the keeper seeing CaseProcessStarted again changes nothing', () =>
    given(...started).when(startCaseClocks(), OPENED).then());

  it('even after its clocks stopped', () =>
    given(...streamAfter([[startCaseClocks(), OPENED], [stopClocks({ clockKeys: 'EVERY_RUNNING_CLOCK', reason: 'CANCELLED' }), OPENED]]))
      .when(startCaseClocks(), OPENED)
      .then());
});

describe('a running clock', () => {
  it('warns once its warning instant has come', () =>
    given(...started)
      .when(recordWarning(), MONDAY_09_18)
      .then({
        type: 'SlaWarning',
        data: { caseId: 'case-1', clockKey: 'case:response', taskId: null, dueAt: MONDAY_09_30, percent: 80, warnedAt: MONDAY_09_18 },
      }));

  it('does not warn early (a timer from a clock that runs ahead)', () =>
    given(...started).when(recordWarning(), shanghai('2026-11-23T09:17:59')).then());

  it('warns once, however often its timer fires', () =>
    given(...streamAfter([[startCaseClocks(), OPENED], [recordWarning(), MONDAY_09_18]]))
      .when(recordWarning(), shanghai('2026-11-23T09:19:00'))
      .then());

  it('breaches at its due time, once', () => {
    const breachedAt = shanghai('2026-11-23T09:31:00');
    given(...started)
      .when(recordBreach(), breachedAt)
      .then({ type: 'SlaBreached', data: { caseId: 'case-1', clockKey: 'case:response', taskId: null, dueAt: MONDAY_09_30, breachedAt } });
    given(...streamAfter([[startCaseClocks(), OPENED], [recordBreach(), breachedAt]]))
      .when(recordBreach(), breachedAt)
      .then();
  });

  it('escalates each level once, to the supervisor the dispatcher found', () => {
    const levelTwoAt = shanghai('2026-11-23T10:00:00');
    given(...streamAfter([[startCaseClocks(), OPENED], [escalate(), MONDAY_09_30]]))
      .when(escalate({ level: 2, supervisorUnit: 'gd-province', supervisorId: 'sup-zhang' }), levelTwoAt)
      .then({
        type: 'SlaEscalated',
        data: {
          caseId: 'case-1',
          clockKey: 'case:response',
          taskId: null,
          level: 2,
          notify: 'PARENT_UNIT_SUPERVISOR',
          clockHolder: { kind: 'UNIT', id: 'front-line-sz' },
          supervisorUnit: 'gd-province',
          supervisorId: 'sup-zhang',
          dueAt: MONDAY_09_30,
          escalatedAt: levelTwoAt,
        },
      });
    given(...streamAfter([[startCaseClocks(), OPENED], [escalate(), MONDAY_09_30]])).when(escalate(), levelTwoAt).then();
  });

  it('does not escalate to a level its policy does not have', () =>
    given(...started).when(escalate({ level: 3 }), shanghai('2026-11-30T09:00:00')).then());
});

describe('a stopped clock', () => {
  it('is met when the work was done by its due time', () =>
    given(...started)
      .when(stopClocks(), shanghai('2026-11-23T09:10:00'))
      .then({
        type: 'SlaClockStopped',
        data: {
          caseId: 'case-1',
          clockKey: 'case:response',
          taskId: null,
          reason: 'WORK_STARTED',
          dueAt: MONDAY_09_30,
          met: true,
          stoppedAt: shanghai('2026-11-23T09:10:00'),
        },
      }));

  it('is missed when the work was done after it', () =>
    expect(decided(started, stopClocks({ at: shanghai('2026-11-23T09:31:00') }), MONDAY_09_30)).toMatchObject([
      { type: 'SlaClockStopped', data: { met: false } },
    ]));

  it.each([
    ['warning', recordWarning()],
    ['breach', recordBreach()],
    ['escalation', escalate()],
  ])('never records a %s afterwards', (_kind, command) =>
    given(...streamAfter([[startCaseClocks(), OPENED], [stopClocks(), OPENED]]))
      .when(command, shanghai('2026-11-30T09:00:00'))
      .then());

  it('stops once', () =>
    given(...streamAfter([[startCaseClocks(), OPENED], [stopClocks(), OPENED]])).when(stopClocks(), OPENED).then());

  it('is not stopped by a fact older than its run (the keeper replaying an earlier stop)', () =>
    given(...started).when(stopClocks({ at: shanghai('2026-11-20T16:00:00') }), OPENED).then());

  it('on cancellation means every running clock of the case and its tasks, and only those', () => {
    const history = streamAfter([
      [startCaseClocks(), OPENED],
      [stopClocks(), OPENED],
      [startTaskClocks(), OPENED],
    ]);
    const stopped = decided(history, stopClocks({ clockKeys: 'EVERY_RUNNING_CLOCK', reason: 'CANCELLED', at: shanghai('2026-11-23T10:30:00') }), OPENED);
    expect(stopped.map((event) => event.data.clockKey)).toEqual(['case:resolution', 'task:task-1:accept', 'task:task-1:complete']);
  });
});

describe('a collaboration task', () => {
  it('runs an accept and a complete clock on its own SLA, held by its target, under the case’s escalation policy', () => {
    const events = decided(started, startTaskClocks(), OPENED);
    expect(events).toMatchObject([
      {
        data: {
          clockKey: 'task:task-1:accept',
          taskId: 'task-1',
          clockHolder: { kind: 'UNIT', id: 'billing-dept' },
          dueAt: shanghai('2026-11-23T11:00:00'),
          warnAt: shanghai('2026-11-23T10:48:00'),
          escalations: [{ level: 1 }, { level: 2, at: shanghai('2026-11-23T11:30:00') }],
        },
      },
      { data: { clockKey: 'task:task-1:complete', dueAt: shanghai('2026-11-23T14:00:00'), warnAt: shanghai('2026-11-23T13:12:00') } },
    ]);
  });

  it('held by a partner names the partner as its clock holder, and an escalation names it the same', () => {
    const partner = { kind: 'PARTNER', id: 'reseller-a' } as const;
    const opened = decided(started, startTaskClocks({ clockHolder: partner }), OPENED);
    expect(opened.map((event) => event.data)).toMatchObject([{ clockHolder: partner }, { clockHolder: partner }]);
    const at = shanghai('2026-11-23T11:00:00');
    given(...started, ...opened)
      .when(escalate({ clockKey: 'task:task-1:accept', startedAt: shanghai('2026-11-23T10:00:00'), clockHolder: partner, supervisorUnit: 'reseller-a', supervisorId: null }), at)
      .then({
        type: 'SlaEscalated',
        data: {
          caseId: 'case-1', clockKey: 'task:task-1:accept', taskId: 'task-1', level: 1, notify: 'UNIT_SUPERVISOR',
          clockHolder: partner, supervisorUnit: 'reseller-a', supervisorId: null, dueAt: shanghai('2026-11-23T11:00:00'), escalatedAt: at,
        },
      });
  });

  it('of a case without a process follows the default policy', () =>
    expect(decided([], startTaskClocks(), OPENED)).toMatchObject([{ data: { warnAtPercent: 80, escalations: [{ level: 1 }, { level: 2 }] } }, {}]));
});

describe('escalation percentages an administrator set (a system parameter: warn at 50 %, escalate at 80 % and at 100 %)', () => {
  const system = escalationPolicyOf([50, 80, 100])!;
  // The task's accept clock: opened Monday 10:00 on the 9–17 desk, 60 business minutes, due 11:00.
  const ACCEPT_DUE = shanghai('2026-11-23T11:00:00');

  it('a task clock started after the change warns and escalates at the new percentages, though its case started on its process’s', () =>
    expect(decided(started, startTaskClocks({ escalation: system }), OPENED)[0]).toMatchObject({
      data: {
        clockKey: 'task:task-1:accept',
        warnAt: shanghai('2026-11-23T10:30:00'),
        warnAtPercent: 50,
        escalations: [
          { level: 1, atPercent: 80, notify: 'UNIT_SUPERVISOR', at: shanghai('2026-11-23T10:48:00') },
          { level: 2, atPercent: 100, notify: 'PARENT_UNIT_SUPERVISOR', at: ACCEPT_DUE },
        ],
      },
    }));

  it('escalates level 1 at 80 %, before the breach', () => {
    const history = [...started, ...decided(started, startTaskClocks({ escalation: system }), OPENED)];
    const at = shanghai('2026-11-23T10:48:00');
    given(...history)
      .when(escalate({ clockKey: 'task:task-1:accept', startedAt: shanghai('2026-11-23T10:00:00'), clockHolder: { kind: 'UNIT', id: 'billing-dept' }, supervisorUnit: 'billing-dept', supervisorId: 'sup-billing' }), at)
      .then({
        type: 'SlaEscalated',
        data: {
          caseId: 'case-1', clockKey: 'task:task-1:accept', taskId: 'task-1', level: 1, notify: 'UNIT_SUPERVISOR',
          clockHolder: { kind: 'UNIT', id: 'billing-dept' }, supervisorUnit: 'billing-dept', supervisorId: 'sup-billing', dueAt: ACCEPT_DUE, escalatedAt: at,
        },
      });
  });

  it('a clock started before the change keeps its instants: its level 2 stays at 150 %', () => {
    const history = [...started, ...decided(started, startTaskClocks(), OPENED)];
    const at = shanghai('2026-11-23T11:30:00');
    expect(decided(history, escalate({ clockKey: 'task:task-1:accept', startedAt: shanghai('2026-11-23T10:00:00'), level: 2 }), at)).toMatchObject([
      { type: 'SlaEscalated', data: { level: 2, notify: 'PARENT_UNIT_SUPERVISOR', escalatedAt: at } },
    ]);
  });

  it('a reopened case’s resolution clock restarts on them', () => {
    const resolvedAt = shanghai('2026-11-23T15:00:00');
    const reopenedAt = shanghai('2026-11-24T10:00:00');
    const resolved = [...started, ...decided(started, stopClocks({ clockKeys: ['case:response', 'case:resolution'], reason: 'RESOLVED', at: resolvedAt }), resolvedAt)];
    const reopen = { type: 'RestartResolutionClock' as const, caseId: 'case-1', reopenedAt, calendar: nineToFiveDesk, escalation: system };
    expect(decided(resolved, reopen, reopenedAt)).toMatchObject([
      { data: { clockKey: 'case:resolution', warnAtPercent: 50, escalations: [{ level: 1, atPercent: 80 }, { level: 2, atPercent: 100 }] } },
    ]);
  });
});

describe('after a resolution', () => {
  const resolvedAt = shanghai('2026-11-23T15:00:00');
  const resolved = streamAfter([
    [startCaseClocks(), OPENED],
    [stopClocks({ clockKeys: ['case:response', 'case:resolution'], reason: 'RESOLVED', at: resolvedAt }), resolvedAt],
    [{ type: 'StartAutoCloseClock', caseId: 'case-1', resolvedAt, quietMinutes: 4320 }, resolvedAt],
  ]);

  it('the quiet period runs in calendar minutes, with no warning and no escalation', () =>
    expect(resolved.at(-1)).toEqual({
      type: 'SlaClockStarted',
      data: {
        caseId: 'case-1',
        clockKey: 'case:auto-close',
        taskId: null,
        clockHolder: null,
        calendarId: null,
        targetMinutes: 4320,
        startedAt: resolvedAt,
        dueAt: shanghai('2026-11-26T15:00:00'),
        warnAt: null,
        warnAtPercent: null,
        escalations: [],
      },
    }));

  it('a reopening starts the resolution clock afresh with the whole target, and a replayed reopening does not', () => {
    const reopenedAt = shanghai('2026-11-24T10:00:00');
    const reopen = { type: 'RestartResolutionClock' as const, caseId: 'case-1', reopenedAt, calendar: nineToFiveDesk };
    const restarted = decided(resolved, reopen, reopenedAt);
    expect(restarted).toMatchObject([
      { data: { clockKey: 'case:resolution', startedAt: reopenedAt, targetMinutes: 480, dueAt: shanghai('2026-11-25T10:00:00') } },
    ]);
    expect(decided([...resolved, ...restarted], reopen, reopenedAt)).toEqual([]);
  });

  it('the old run’s timers no longer count once the clock restarted', () => {
    const reopenedAt = shanghai('2026-11-24T10:00:00');
    const history = [
      ...resolved,
      ...decided(resolved, { type: 'RestartResolutionClock', caseId: 'case-1', reopenedAt, calendar: nineToFiveDesk }, reopenedAt),
    ];
    expect(decided(history, recordBreach({ clockKey: 'case:resolution' }), shanghai('2026-11-30T10:00:00'))).toEqual([]);
    expect(stateOf(history).clocks['case:resolution']?.stopped).toBeNull();
  });
});
