import fc from 'fast-check';
import { businessTimeBetween, defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import type { WorkflowCaseEvent } from './case.events';
import {
  caseQueued,
  caseCancelled,
  caseRegistered,
  caseReopened,
  caseResolved,
  caseTransferred,
  caseWorkStarted,
  taskOpened,
} from './case.fixtures';
import type { CollaborationTaskEvent } from './collaboration-task/task.events';
import {
  collaborationRequested,
  taskAccepted,
  taskCompleted,
  taskReturned,
  taskUrged,
  taskWithdrawn,
} from './collaboration-task/task.fixtures';
import { legsOf, type MeasureBusinessTime } from './legs';

const calendars = new Map(defaultCalendars().map((calendar) => [calendar.id, calendar]));
const calendarOf: Record<string, string> = {
  complaints: 'cn-standard',
  'billing-desk': 'cn-standard',
  'fi-partner': 'fi-standard',
};
const inBusinessTime: MeasureBusinessTime = (unit, from, to) =>
  businessTimeBetween(calendars.get(calendarOf[unit] ?? '24x7') as BusinessCalendar, from, to);
const wallClock: MeasureBusinessTime = (_unit, from, to) => (to.getTime() - from.getTime()) / 60_000;

const transferred = (from: string, to: string, at: string) =>
  caseTransferred({
    from: { queue: from, region: 'GD-SZ' },
    to: { queue: to, region: 'GD-SZ' },
    transferredAt: at,
  });
const finnishPartner = { kind: 'PARTNER', id: 'fi-partner', region: 'FI' } as const;

describe('the legs of a case', () => {
  // Friday 17:00 in Shanghai; over the weekend to billing on Monday 10:00; a Finnish partner asked Monday 05:00 Helsinki time.
  const caseEvents: WorkflowCaseEvent[] = [
    caseRegistered(),
    caseQueued('complaints', 'complaints', '2026-11-20T09:00:00.000Z'),
    transferred('complaints', 'billing-desk', '2026-11-23T02:00:00.000Z'),
    caseWorkStarted({ startedAt: '2026-11-23T02:30:00.000Z' }),
    caseResolved({ resolvedAt: '2026-11-23T06:00:00.000Z' }),
  ];
  const taskEvents: CollaborationTaskEvent[] = [
    collaborationRequested({ to: finnishPartner, requestedAt: '2026-11-23T03:00:00.000Z' }),
    taskAccepted({ by: { kind: 'PARTNER', id: 'fi-partner' }, acceptedAt: '2026-11-23T06:30:00.000Z' }),
    taskCompleted({ completedAt: '2026-11-23T08:00:00.000Z' }),
  ];

  it('measures each unit’s hold in its own business time', () =>
    expect(legsOf({ caseEvents, taskEvents }, inBusinessTime, new Date('2026-11-24T00:00:00.000Z'))).toEqual([
      // Friday 17:00–18:00 and Monday 09:00–10:00 in Shanghai.
      {
        holder: { kind: 'QUEUE', id: 'complaints' },
        kind: 'CASE',
        taskId: null,
        parentTaskId: null,
        from: '2026-11-20T09:00:00.000Z',
        to: '2026-11-23T02:00:00.000Z',
        heldBusinessMinutes: 120,
      },
      // Monday 10:00–12:00 and 13:30–14:00 (lunch is not business time).
      {
        holder: { kind: 'QUEUE', id: 'billing-desk' },
        kind: 'CASE',
        taskId: null,
        parentTaskId: null,
        from: '2026-11-23T02:00:00.000Z',
        to: '2026-11-23T06:00:00.000Z',
        heldBusinessMinutes: 150,
      },
      // Helsinki opens at 08:00 (06:00Z): 08:00–10:00.
      {
        holder: { kind: 'PARTNER', id: 'fi-partner' },
        kind: 'TASK',
        taskId: 'task-1',
        parentTaskId: null,
        from: '2026-11-23T03:00:00.000Z',
        to: '2026-11-23T08:00:00.000Z',
        heldBusinessMinutes: 120,
      },
    ]));

  it('measures a leg still held up to the moment asked', () => {
    const legs = legsOf(
      { caseEvents: caseEvents.slice(0, 3), taskEvents: taskEvents.slice(0, 1) },
      wallClock,
      new Date('2026-11-23T04:00:00.000Z'),
    );
    expect(legs.map(({ holder, to, heldBusinessMinutes }) => [holder.id, to, heldBusinessMinutes])).toEqual([
      ['complaints', '2026-11-23T02:00:00.000Z', 65 * 60],
      ['billing-desk', null, 120],
      ['fi-partner', null, 60],
    ]);
  });

  it('shows the chain: a returned sub-task, a withdrawn one, and what they were asked for', () => {
    const legs = legsOf(
      {
        caseEvents: [caseQueued('complaints', 'complaints', '2026-11-23T01:00:00.000Z'), taskOpened()],
        taskEvents: [
          collaborationRequested({ requestedAt: '2026-11-23T02:00:00.000Z' }),
          collaborationRequested({
            taskId: 'task-2',
            parentTaskId: 'task-1',
            from: { kind: 'UNIT', id: 'billing-dept' },
            to: finnishPartner,
            requestedAt: '2026-11-23T03:00:00.000Z',
          }),
          taskUrged({ taskId: 'task-2', urgedAt: '2026-11-23T03:30:00.000Z' }),
          taskReturned({ taskId: 'task-2', returnedAt: '2026-11-23T04:00:00.000Z' }),
          taskWithdrawn({ withdrawnAt: '2026-11-23T05:00:00.000Z' }),
        ],
      },
      wallClock,
      new Date('2026-11-23T06:00:00.000Z'),
    );
    expect(
      legs.map(({ holder, taskId, parentTaskId, to, heldBusinessMinutes }) => [
        holder.id,
        taskId,
        parentTaskId,
        to,
        heldBusinessMinutes,
      ]),
    ).toEqual([
      ['complaints', null, null, null, 300],
      ['billing-dept', 'task-1', null, '2026-11-23T05:00:00.000Z', 180],
      ['fi-partner', 'task-2', 'task-1', '2026-11-23T04:00:00.000Z', 60],
    ]);
  });

  it('counts nothing between resolution and reopening, and stops at cancellation', () => {
    const legs = legsOf(
      {
        caseEvents: [
          caseQueued('complaints', 'complaints', '2026-11-23T01:00:00.000Z'),
          caseResolved({ resolvedAt: '2026-11-23T02:00:00.000Z' }),
          caseReopened({ reopenedAt: '2026-11-23T05:00:00.000Z' }),
          caseCancelled({ cancelledAt: '2026-11-23T05:30:00.000Z' }),
        ],
        taskEvents: [],
      },
      wallClock,
      new Date('2026-11-24T00:00:00.000Z'),
    );
    expect(legs.map(({ from, to, heldBusinessMinutes }) => [from, to, heldBusinessMinutes])).toEqual([
      ['2026-11-23T01:00:00.000Z', '2026-11-23T02:00:00.000Z', 60],
      ['2026-11-23T05:00:00.000Z', '2026-11-23T05:30:00.000Z', 30],
    ]);
  });
});

describe('legs properties', () => {
  const start = Date.parse('2026-11-23T00:00:00.000Z');
  const isoAfter = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const queue = fc.constantFrom('q-a', 'q-b', 'q-c', 'q-d');
  const transfers = fc.array(fc.tuple(fc.integer({ min: 1, max: 5_000 }), queue), { maxLength: 12 });

  /** A main line: routed to `first` at minute 0, then transferred after each gap, then maybe resolved. */
  const mainLine = (
    first: string,
    moves: readonly (readonly [number, string])[],
    resolvedAfter: number | null,
  ) => {
    let minute = 0;
    let holder = first;
    const events: WorkflowCaseEvent[] = [caseQueued(first, 'rule', isoAfter(0))];
    for (const [gap, to] of moves) {
      minute += gap;
      events.push(transferred(holder, to, isoAfter(minute)));
      holder = to;
    }
    const end = resolvedAfter === null ? null : minute + resolvedAfter;
    if (end !== null) events.push(caseResolved({ resolvedAt: isoAfter(end) }));
    return { events, end: end ?? minute + 60 };
  };

  it('the main line is one unbroken hand-over: each leg starts where the last ended, held by the queue it was sent to', () =>
    fc.assert(
      fc.property(
        queue,
        transfers,
        fc.option(fc.integer({ min: 0, max: 5_000 })),
        (first, moves, resolvedAfter) => {
          const { events, end } = mainLine(first, moves, resolvedAfter);
          const legs = legsOf({ caseEvents: events, taskEvents: [] }, wallClock, new Date(isoAfter(end)));
          expect(legs.map((leg) => leg.holder.id)).toEqual([first, ...moves.map(([, to]) => to)]);
          legs.slice(1).forEach((leg, index) => expect(legs[index]?.to).toBe(leg.from));
          expect(legs.reduce((sum, leg) => sum + leg.heldBusinessMinutes, 0)).toBeCloseTo(end, 6);
        },
      ),
    ));

  it('each leg is measured by its own unit’s clock', () => {
    const pace: Record<string, number> = { 'q-a': 1, 'q-b': 0.5, 'q-c': 0, 'q-d': 2 };
    const perUnit: MeasureBusinessTime = (unit, from, to) => (pace[unit] ?? NaN) * wallClock(unit, from, to);
    fc.assert(
      fc.property(queue, transfers, (first, moves) => {
        const { events, end } = mainLine(first, moves, null);
        for (const leg of legsOf({ caseEvents: events, taskEvents: [] }, perUnit, new Date(isoAfter(end))))
          expect(leg.heldBusinessMinutes).toBeCloseTo(
            (pace[leg.holder.id] ?? NaN) *
              wallClock(leg.holder.id, new Date(leg.from), new Date(leg.to ?? isoAfter(end))),
            6,
          );
      }),
    );
  });

  it('every task is one leg, ended by its first completion, return or withdrawal, else held', () => {
    const endings = [
      (taskId: string, at: string) => taskCompleted({ taskId, completedAt: at }),
      (taskId: string, at: string) => taskReturned({ taskId, returnedAt: at }),
      (taskId: string, at: string) => taskWithdrawn({ taskId, withdrawnAt: at }),
    ];
    const task = fc.record({
      requestedAt: fc.integer({ min: 0, max: 1_000 }),
      took: fc.option(fc.integer({ min: 0, max: 1_000 })),
      ending: fc.constantFrom(...endings),
    });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 8 }), (tasks) => {
        const taskEvents = tasks.flatMap(({ requestedAt, took, ending }, index) => [
          collaborationRequested({ taskId: `t-${index}`, requestedAt: isoAfter(requestedAt) }),
          ...(took === null
            ? []
            : [
                ending(`t-${index}`, isoAfter(requestedAt + took)),
                ending(`t-${index}`, isoAfter(requestedAt + took + 99)),
              ]),
        ]);
        const legs = legsOf({ caseEvents: [], taskEvents }, wallClock, new Date(isoAfter(3_000)));
        expect(legs).toHaveLength(tasks.length);
        for (const [index, { requestedAt, took }] of tasks.entries()) {
          const leg = legs.find((candidate) => candidate.taskId === `t-${index}`);
          expect(leg?.to).toBe(took === null ? null : isoAfter(requestedAt + took));
          expect(leg?.heldBusinessMinutes).toBe(took ?? 3_000 - requestedAt);
        }
      }),
    );
  });
});
