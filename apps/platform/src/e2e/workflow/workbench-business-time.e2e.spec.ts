import { eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { LifecycleSteps, departmentStaff, frontLineAgent } from './lifecycle-steps';

/* Issue 12, "The workbench measures risk in business time", through GET /api/v1/workbench. */

type Countdown = { clockKey: string; dueAt: string; secondsToDue: number; businessMinutesLeft: number; percentUsed: number };
type Item = { kind: string; id: string; caseId: string; why: string; priority: string | null; urgeCount: number | null; countdown: Countdown | null };
type Desk = { items: Item[]; counts: { cases: number; tasks: number; outgoing: number } };

const owner = 'agent-weekend';
const ownerCaller = frontLineAgent(owner);
const billingClerk = departmentStaff('billing-weekend-clerk', 'billing');

describe('the workbench measures risk in business time, embedded platform', () => {
  // Friday 2026-12-04 19:00 in Shanghai: the cn-standard desk closed at 18:00.
  const clock = new MovableClock('2026-12-04T11:00:00Z');
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
  });
  afterAll(() => platform?.stop());

  const desk = async (caller: Caller): Promise<Desk> => {
    const answer = await platform.call('GET', '/api/v1/workbench', { caller });
    expect(answer.status).toBe(200);
    return answer.body as unknown as Desk;
  };
  const itemOf = async (caller: Caller, id: string): Promise<Item> =>
    eventually(async () => {
      const item = (await desk(caller)).items.find((candidate) => candidate.id === id);
      if (!item?.countdown) throw new Error(`${id} has no countdown on ${caller.sub}'s desk yet`);
      return item;
    });

  it('a case opened Friday evening is at 0 % on Sunday 23:02 and halfway through its hour at Monday 09:30', async () => {
    const caseId = await steps.caseAt('assigned', 'cust-weekend-1', owner);

    clock.advanceTo('2026-12-06T15:02:00Z'); // Sunday 23:02 in Shanghai
    const sunday = await itemOf(ownerCaller, caseId);
    expect(sunday).toMatchObject({ kind: 'CASE', why: 'OWNER', countdown: { clockKey: 'case:response', percentUsed: 0, businessMinutesLeft: 60 } });
    // The first response is due an hour into Monday's working day, whatever the wall clock says.
    expect(sunday.countdown!.dueAt).toBe('2026-12-07T02:00:00.000Z');

    clock.advanceTo('2026-12-07T01:30:00Z'); // Monday 09:30 in Shanghai
    const monday = await itemOf(ownerCaller, caseId);
    expect(monday.countdown).toMatchObject({ clockKey: 'case:response', businessMinutesLeft: 30 });
    expect(monday.countdown!.percentUsed).toBeGreaterThanOrEqual(49);
    expect(monday.countdown!.percentUsed).toBeLessThanOrEqual(51);
    // The wall clock would have said 62.5 of 63 hours: about 99 %.
    const wallClock = (Date.parse('2026-12-07T01:30:00Z') - Date.parse('2026-12-04T11:00:00Z')) / (Date.parse(monday.countdown!.dueAt) - Date.parse('2026-12-04T11:00:00Z'));
    expect(Math.round(wallClock * 100)).toBeGreaterThan(95);
  });

  it("shows the requester the tasks they asked for, and both sides each task's priority and how often it was urged", async () => {
    const caseId = await steps.caseAt('in-progress', 'cust-weekend-2', owner);
    const priority = String((await steps.read(caseId)).body['priority']);
    const asked = await steps.act(caseId, 'collaborations', ownerCaller, { to: { kind: 'UNIT', id: 'billing' }, reason: '核对账单' });
    expect(asked.status).toBe(201);
    const taskId = String(asked.body['taskId']);
    await itemOf(billingClerk, taskId);
    expect((await platform.call('POST', `/api/v1/tasks/${taskId}/urge`, { caller: ownerCaller, body: { note: '客户再次来电' } })).status).toBe(200);

    await eventually(async () => {
      const mine = await desk(ownerCaller);
      expect(mine.items.find((item) => item.id === taskId)).toMatchObject({ kind: 'TASK', why: 'REQUESTED_BY_ME', priority, urgeCount: 1, caseId });
      expect(mine.counts.outgoing).toBeGreaterThanOrEqual(1);
      const billing = await desk(billingClerk);
      expect(billing.items.find((item) => item.id === taskId)).toMatchObject({ why: 'ADDRESSED_TO_UNIT', priority, urgeCount: 1 });
    });
    const task = await itemOf(billingClerk, taskId);
    expect(task.countdown!.percentUsed).toBeLessThan(100);
    expect(task.countdown!.businessMinutesLeft).toBeGreaterThan(0);
  });
});
