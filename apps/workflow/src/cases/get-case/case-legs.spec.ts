import { validateCalendar, type BusinessCalendar } from '@collab/business-calendar';
import type { CollaborationTaskEvent, WorkflowCaseEvent } from '@collab/workflow-domain';
import { holdersOf, measuredLegs, type HolderClock, type LegHistory } from './case-legs';

const weekdays = (start: string, end: string) => Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ start, end }]]));

/** 9–17 in Shanghai, with an on-call rota for urgent cases on Saturdays 10–12. */
const nineToFive: BusinessCalendar = validateCalendar({
  id: 'nine-to-five',
  name: 'Shanghai desk 09:00–17:00',
  timeZone: 'Asia/Shanghai',
  weeklyHours: weekdays('09:00', '17:00'),
  onCall: { appliesTo: ['URGENT'], rota: [{ weekday: 6, start: '10:00', end: '12:00' }] },
});
const helsinki: BusinessCalendar = validateCalendar({ id: 'fi-8-16', name: 'Helsinki 08:00–16:00', timeZone: 'Europe/Helsinki', weeklyHours: weekdays('08:00', '16:00') });

const agent = { id: 'agent-li', kind: 'user' } as const;

const registered = (priority: string): WorkflowCaseEvent => ({
  type: 'CaseRegistered',
  data: {
    caseId: 'case-1', channel: 'app', audience: 'EXTERNAL', requestType: 'COMPLAINT', category: 'billing', region: 'GD-SZ',
    priority, language: 'zh-Hans', subject: 's', description: 'd', openedAt: '2026-11-20T07:59:00.000Z', customerTier: null,
  },
});

// Friday 16:00 Shanghai (08:00Z) in complaints; transferred Monday 10:00 (02:00Z) to billing-desk, still held.
const caseEvents = (priority = 'NORMAL'): WorkflowCaseEvent[] => [
  registered(priority),
  { type: 'CaseQueued', data: { caseId: 'case-1', queue: 'complaints', ruleId: 'r1', assignedAt: '2026-11-20T08:00:00.000Z' } },
  {
    type: 'CaseTransferred',
    data: {
      caseId: 'case-1', from: { queue: 'complaints', region: 'GD-SZ' }, to: { queue: 'billing-desk', region: 'GD-SZ' },
      actor: agent, reason: 'billing matter', transferredAt: '2026-11-23T02:00:00.000Z',
    },
  },
];

// Monday 04:00Z a Finnish partner is asked (06:00 Helsinki), and completes at 08:00Z (10:00 Helsinki).
const taskEvents: CollaborationTaskEvent[] = [
  {
    type: 'CollaborationRequested',
    data: {
      caseId: 'case-1', taskId: 'task-1', parentTaskId: null, from: { kind: 'QUEUE', id: 'billing-desk' }, to: { kind: 'PARTNER', id: 'partner-fi', region: 'FI' },
      reason: 'check roaming', sla: { calendarId: 'fi-8-16', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 480 },
      acceptDueAt: '2026-11-23T07:00:00.000Z', completeDueAt: '2026-11-24T07:00:00.000Z', actor: agent, requestedAt: '2026-11-23T04:00:00.000Z',
    },
  },
  { type: 'TaskCompleted', data: { caseId: 'case-1', taskId: 'task-1', result: 'fixed', actor: agent, completedAt: '2026-11-23T08:00:00.000Z' } },
];

const clocks = new Map<string, HolderClock>([
  ['complaints', { clockHolder: { kind: 'UNIT', id: 'gd-sz-front-line' }, calendar: nineToFive }],
  ['billing-desk', { clockHolder: { kind: 'UNIT', id: 'gd-billing' }, calendar: nineToFive }],
  ['partner-fi', { clockHolder: { kind: 'PARTNER', id: 'partner-fi' }, calendar: helsinki }],
]);
const mondayNoonShanghai = new Date('2026-11-23T04:00:00.000Z');
const history = (priority?: string): LegHistory => ({ caseEvents: caseEvents(priority), taskEvents });

describe('the legs of a case, each on its holder’s clock', () => {
  it('counts a hold across the weekend in business minutes only: Friday 16–17 and Monday 9–10', () => {
    const [frontLine] = measuredLegs(history(), clocks, mondayNoonShanghai);
    expect(frontLine).toEqual({
      holder: { kind: 'QUEUE', id: 'complaints' },
      kind: 'CASE',
      taskId: null,
      parentTaskId: null,
      from: '2026-11-20T08:00:00.000Z',
      to: '2026-11-23T02:00:00.000Z',
      clockHolder: { kind: 'UNIT', id: 'gd-sz-front-line' },
      calendarId: 'nine-to-five',
      heldMinutes: 120,
      measuredIn: 'BUSINESS_TIME',
      note: null,
    });
  });

  it('measures the leg still held up to the moment asked, and a partner’s task in the partner’s own hours', () => {
    const legs = measuredLegs(history(), clocks, new Date('2026-11-23T09:00:00.000Z'));
    expect(legs.map(({ holder, clockHolder, to, heldMinutes }) => [holder.id, clockHolder, to, heldMinutes])).toEqual([
      ['complaints', { kind: 'UNIT', id: 'gd-sz-front-line' }, '2026-11-23T02:00:00.000Z', 120],
      // Monday 10:00–17:00 Shanghai.
      ['billing-desk', { kind: 'UNIT', id: 'gd-billing' }, null, 420],
      // Helsinki opens at 08:00 (06:00Z): 08:00–10:00, on the partner's clock, named as a partner.
      ['partner-fi', { kind: 'PARTNER', id: 'partner-fi' }, '2026-11-23T08:00:00.000Z', 120],
    ]);
  });

  it('counts the on-call shifts for an urgent case: Saturday 10–12 as well', () =>
    expect(measuredLegs(history('URGENT'), clocks, mondayNoonShanghai)[0]!.heldMinutes).toBe(240));

  it('falls back to elapsed minutes for a holder whose calendar is unknown, and says so in the leg', () => {
    const unknown = new Map(clocks).set('billing-desk', { clockHolder: { kind: 'UNIT', id: 'gd-billing' }, calendar: null, unknown: 'calendar gd-hours is not defined' });
    const [, billing] = measuredLegs(history(), unknown, mondayNoonShanghai);
    expect(billing).toMatchObject({
      holder: { kind: 'QUEUE', id: 'billing-desk' },
      clockHolder: { kind: 'UNIT', id: 'gd-billing' },
      calendarId: null,
      heldMinutes: 120,
      measuredIn: 'CALENDAR_TIME',
      note: 'calendar gd-hours is not defined: elapsed calendar minutes counted instead',
    });
  });

  it('names the queues and the parties whose clocks are needed', () =>
    expect(holdersOf(history(), mondayNoonShanghai)).toEqual({ queues: ['complaints', 'billing-desk'], parties: ['partner-fi'] }));
});
