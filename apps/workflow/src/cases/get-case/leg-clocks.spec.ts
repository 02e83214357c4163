import { defaultCalendars } from '@collab/business-calendar';
import type { CollaborationTaskEvent, WorkflowCaseEvent } from '@collab/workflow-domain';
import type { BusinessCalendars, OrgLookup, OrgParty } from '../../workflow.ports';
import { LegClocks } from './leg-clocks';

const party = (id: string, calendarId: string): OrgParty => ({
  id, kind: 'UNIT', unitType: 'DEPARTMENT', name: id, region: 'CN', calendarId, supervisorId: null, parentId: null,
});
const units = new Map([['front-line', party('front-line', 'cn-standard')], ['billing', party('billing', 'billing-hours')]]);
const org = {
  party: (id: string) => Promise.resolve(units.get(id)),
  unitOfQueue: (queue: string) => Promise.resolve(queue === 'complaints' ? units.get('front-line') : undefined),
} as unknown as OrgLookup;
const calendars: BusinessCalendars = { calendar: (id) => Promise.resolve(defaultCalendars().find((calendar) => calendar.id === id)) };

const assigned = (queue: string, at: string): WorkflowCaseEvent => ({ type: 'CaseQueued', data: { caseId: 'c', queue, ruleId: 'r', assignedAt: at } });
const asked = (taskId: string, to: string): CollaborationTaskEvent =>
  ({ type: 'CollaborationRequested', data: { caseId: 'c', taskId, parentTaskId: null, fromUnit: 'complaints', to: { kind: 'UNIT', id: to, region: 'CN' }, requestedAt: '2026-11-23T02:00:00.000Z' } }) as unknown as CollaborationTaskEvent;

describe('whose clock each leg runs on', () => {
  const clocks = new LegClocks(org, calendars);
  const until = new Date('2026-11-23T06:00:00.000Z');

  it('a queue runs on the calendar of the unit that owns it', async () => {
    const found = await clocks.for({ caseEvents: [assigned('complaints', '2026-11-23T01:00:00.000Z')], taskEvents: [] }, until);
    expect(found.get('complaints')).toEqual({ clockHolder: { kind: 'UNIT', id: 'front-line' }, calendar: expect.objectContaining({ id: 'cn-standard' }) });
  });

  it('says why a leg cannot be measured in business time: an unknown queue, unit, or calendar', async () => {
    const found = await clocks.for({ caseEvents: [assigned('lost-queue', '2026-11-23T01:00:00.000Z')], taskEvents: [asked('t1', 'billing'), asked('t2', 'nowhere')] }, until);
    expect(Object.fromEntries(found)).toEqual({
      'lost-queue': { clockHolder: null, calendar: null, unknown: 'the org directory does not know queue lost-queue' },
      billing: { clockHolder: { kind: 'UNIT', id: 'billing' }, calendar: null, unknown: 'calendar billing-hours of billing is not known' },
      nowhere: { clockHolder: null, calendar: null, unknown: 'the org directory does not know unit or partner nowhere' },
    });
  });
});
