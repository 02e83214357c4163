import { eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { LifecycleSteps, departmentStaff, frontLineAgent, supervisor } from './lifecycle-steps';

/* Issue 12, "Who did it": the history names the person, not the service that carried it out for them. */

type Entry = { type: string; stream: string; actor: { id: string; kind: string }; via: { id: string; kind: string } | null; data: Record<string, unknown> };

const owner = 'agent-who';
const ownerCaller = frontLineAgent(owner);
const billingClerk = departmentStaff('billing-who-clerk', 'billing');

describe('who did it, in the case history, embedded platform', () => {
  // Monday 2026-12-07 10:00 in Shanghai.
  const clock = new MovableClock('2026-12-07T02:00:00Z');
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
  });
  afterAll(() => platform?.stop());

  const history = async (caseId: string): Promise<Entry[]> => (await steps.history(caseId)) as unknown as Entry[];
  const onTask = (taskId: string, command: string, caller: Caller, body?: unknown) =>
    platform.call('POST', `/api/v1/tasks/${taskId}/${command}`, { caller, ...(body === undefined ? {} : { body }) });
  const arrived = (taskId: string) =>
    eventually(async () => expect((await platform.call('GET', `/api/v1/tasks/${taskId}`, { caller: billingClerk })).status).toBe(200));

  it('names the customer who submitted the contact, the person who asked, and the person who completed, with the service they went through', async () => {
    const caseId = await steps.caseAt('in-progress', 'cust-who-1', owner);
    const taskId = String((await steps.act(caseId, 'collaborations', ownerCaller, { to: { kind: 'UNIT', id: 'billing' }, reason: '核对账单' })).body['taskId']);
    await arrived(taskId);
    await onTask(taskId, 'accept', billingClerk);
    expect((await onTask(taskId, 'complete', billingClerk, { result: '已退费' })).status).toBe(200);

    const events = await eventually(async () => {
      const entries = await history(caseId);
      expect(entries.map((entry) => entry.type)).toContain('CollaborationTaskClosed');
      return entries;
    });
    const step = (type: string) => events.find((entry) => entry.type === type)!;
    const tasksService = { id: 'workflow.collaboration-tasks', kind: 'service' };
    expect(step('CaseRegistered')).toMatchObject({ actor: { id: 'cust-who-1', kind: 'customer' }, via: { id: 'workflow.route-case', kind: 'service' } });
    expect(step('CaseRegistered').data).toMatchObject({ channel: 'app' });
    expect(step('CollaborationTaskOpened')).toMatchObject({ actor: { id: owner, kind: 'user' }, via: null });
    expect(step('CollaborationRequested')).toMatchObject({ stream: `task-${taskId}`, actor: { id: owner, kind: 'user' }, via: tasksService });
    expect(step('TaskCompleted')).toMatchObject({ actor: { id: billingClerk.sub, kind: 'user' }, via: null });
    expect(step('CollaborationTaskClosed')).toMatchObject({ stream: `case-${caseId}`, actor: { id: billingClerk.sub, kind: 'user' }, via: tasksService });
    // Work the system does of itself (SLA clocks) names the system, acting for nobody.
    expect(events.filter((entry) => entry.type === 'SlaClockStarted').every((entry) => entry.via === null && ['service', 'system'].includes(entry.actor.kind))).toBe(true);
  });

  it('attributes a ping-pong to the system that noticed it, whoever handed the case back and forth', async () => {
    const caseId = await steps.caseAt('in-progress', 'cust-who-2', owner);
    // The owner asks first, the supervisor the second time; billing returns both times (退单).
    for (const asker of [ownerCaller, supervisor]) {
      const asked = await steps.act(caseId, 'collaborations', asker, { to: { kind: 'UNIT', id: 'billing' }, reason: '核对账单' });
      expect(asked.status).toBe(201);
      const taskId = String(asked.body['taskId']);
      await arrived(taskId);
      expect((await onTask(taskId, 'return', billingClerk, { reasonCode: 'MISSING_INFORMATION', note: '请补充账单截图' })).status).toBe(200);
      await eventually(async () => expect((await history(caseId)).filter((entry) => entry.type === 'CollaborationTaskClosed' && entry.data['taskId'] === taskId)).toHaveLength(1));
    }
    const events = await history(caseId);
    const raised = events.filter((entry) => entry.type === 'PingPongDetected');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ actor: { id: 'workflow.ping-pong', kind: 'system' }, via: null });
    // The hand-offs themselves stay the people's: the supervisor's request, billing's returns.
    const opened = events.filter((entry) => entry.type === 'CollaborationTaskOpened').map((entry) => entry.actor.id);
    expect(opened).toEqual([owner, supervisor.sub]);
    const closed = events.filter((entry) => entry.type === 'CollaborationTaskClosed').map((entry) => entry.actor.id);
    expect(closed).toEqual([billingClerk.sub, billingClerk.sub]);
  });
});
