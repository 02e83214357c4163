import { validateCalendar } from '@collab/business-calendar';
import type { LegRow, LinkRow } from './case-course.tables';
import { courseOfRows } from './projected-courses';

const weekdays = (start: string, end: string) => Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ start, end }]]));
/** 9–17 in Shanghai, with an on-call rota for urgent cases on Saturdays 10–12. */
const nineToFive = validateCalendar({
  id: 'nine-to-five',
  name: 'Shanghai desk 09:00–17:00',
  timeZone: 'Asia/Shanghai',
  weeklyHours: weekdays('09:00', '17:00'),
  onCall: { appliesTo: ['URGENT'], rota: [{ weekday: 6, start: '10:00', end: '12:00' }] },
});

const leg = (row: Partial<LegRow> & Pick<LegRow, 'leg_key' | 'kind' | 'unit' | 'from_at'>): LegRow => ({
  task_id: null,
  parent_task_id: null,
  ordinal: null,
  to_at: null,
  clock_holder_id: 'gd-billing',
  clock_holder_kind: 'UNIT',
  calendar_id: 'nine-to-five',
  measured_in: 'BUSINESS_TIME',
  note: null,
  calendar: null,
  held_minutes: null,
  ...row,
});

const link = (taskId: string, ordinal: number): LinkRow => ({
  task_id: taskId,
  parent_task_id: null,
  from_unit: 'billing-desk',
  from_kind: 'QUEUE',
  target: { kind: 'UNIT', id: 'network', region: 'GD' },
  reason: '请核实',
  status: 'REQUESTED',
  opened_at: new Date('2026-11-23T02:00:00.000Z'),
  opened_by: { id: 'agent-li', kind: 'user' },
  accept_due_at: new Date('2026-11-24T02:00:00.000Z'),
  complete_due_at: new Date('2026-11-25T02:00:00.000Z'),
  closed_at: null,
  closed_by: null,
  outcome_reason: null,
  ordinal,
});

// Friday 16:00 Shanghai (08:00Z): billing-desk takes the case; Monday 10:00 (02:00Z) a task goes to network.
const friday = new Date('2026-11-20T08:00:00.000Z');
const monday = new Date('2026-11-23T02:00:00.000Z');
const held = leg({ leg_key: 'case@2', kind: 'CASE', unit: 'billing-desk', ordinal: 2, from_at: friday, calendar: nineToFive });

describe('the course of a case read from its rows', () => {
  it('measures a leg still held up to the moment asked, on the calendar it keeps: Friday 16–17 and Monday 9–10', () =>
    expect(courseOfRows({ legs: [held], links: [] }, 'NORMAL', new Date('2026-11-23T02:00:00.000Z')).legs[0]).toMatchObject({
      from: friday.toISOString(),
      to: null,
      heldMinutes: 120,
    }));

  it('counts the on-call shift of an urgent case as well: Saturday 10–12', () =>
    expect(courseOfRows({ legs: [held], links: [] }, 'URGENT', monday).legs[0]!.heldMinutes).toBe(240));

  it('shows a closed leg with the minutes stored when it closed, whatever the moment', () => {
    const closed = { ...held, to_at: monday, calendar: null, held_minutes: 120 };
    expect(courseOfRows({ legs: [closed], links: [] }, 'NORMAL', new Date('2027-01-01T00:00:00.000Z')).legs[0]).toMatchObject({ to: monday.toISOString(), heldMinutes: 120 });
  });

  it('orders legs by start, the main line first at one instant, then queues by taking and tasks by opening', () => {
    const taken = leg({ leg_key: 'case@9', kind: 'CASE', unit: 'network-desk', ordinal: 9, from_at: monday, to_at: monday, held_minutes: 0 });
    const early = leg({ leg_key: 'task:t-1', kind: 'TASK', unit: 'network', task_id: 't-1', from_at: monday, to_at: monday, held_minutes: 0 });
    const late = leg({ leg_key: 'task:t-2', kind: 'TASK', unit: 'partner-fi', task_id: 't-2', from_at: monday, to_at: monday, held_minutes: 0 });
    const { legs } = courseOfRows({ legs: [late, early, taken, held], links: [link('t-2', 7), link('t-1', 5)] }, 'NORMAL', monday);
    expect(legs.map((shown) => shown.holder.id)).toEqual(['billing-desk', 'network-desk', 'network', 'partner-fi']);
  });

  it('shows a task’s leg only once the case has opened the task, as the fold reads only the task streams the case names', () => {
    const unknownTask = leg({ leg_key: 'task:t-9', kind: 'TASK', unit: 'network', task_id: 't-9', from_at: monday });
    expect(courseOfRows({ legs: [held, unknownTask], links: [] }, 'NORMAL', monday).legs.map((shown) => shown.holder.id)).toEqual(['billing-desk']);
  });

  it('draws the chain from the links in the order the case opened them', () => {
    const child = { ...link('t-2', 4), parent_task_id: 't-1', from_unit: 'network' };
    const { chain } = courseOfRows({ legs: [], links: [child, link('t-1', 3)] }, 'NORMAL', monday);
    expect(chain).toEqual([expect.objectContaining({ taskId: 't-1', openedAt: '2026-11-23T02:00:00.000Z', children: [expect.objectContaining({ taskId: 't-2', from: expect.objectContaining({ id: 'network' }), children: [] })] })]);
  });
});
