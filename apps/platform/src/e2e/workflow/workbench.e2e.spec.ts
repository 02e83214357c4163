import { eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { LifecycleSteps, customer, departmentStaff, frontLineAgent, partnerStaff, supervisor } from './lifecycle-steps';

type Item = { kind: string; id: string; caseId: string; why: string; status: string; countdown: { clockKey: string; secondsToDue: number; percentUsed: number; status: string } | null };
type Desk = { items: Item[]; counts: { cases: number; tasks: number; overdue: number; warned: number } };

const owner = 'agent-desk';
const ownerCaller = frontLineAgent(owner);
const billingClerk = departmentStaff('billing-desk-clerk', 'billing');
const partner = 'reseller-desk';
const partnerAgent = partnerStaff('reseller-desk-agent', partner);

describe('GET /api/v1/workbench (统一工作桌面), embedded platform', () => {
  const clock = new MovableClock('2026-11-30T02:00:00Z');
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;

  beforeAll(async () => {
    // A Monday 10:00 in Shanghai, inside the default calendar's working hours.
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
    await steps.registerPartner(partner, 'GD-SZ');
  });
  afterAll(() => platform?.stop());

  const desk = async (caller: Caller): Promise<Desk> => {
    const answer = await platform.call('GET', '/api/v1/workbench', { caller });
    expect(answer.status).toBe(200);
    return answer.body as unknown as Desk;
  };

  it('shows an agent their cases, a department and a partner the tasks addressed to them, each with a countdown, most at risk first', async () => {
    const older = await steps.caseAt('in-progress', 'cust-desk-1', owner);
    clock.advanceMinutes(30);
    const newer = await steps.caseAt('in-progress', 'cust-desk-2', owner);
    const toBilling = await steps.act(newer, 'collaborations', ownerCaller, { to: { kind: 'UNIT', id: 'billing' }, reason: '核对账单' });
    const toPartner = await steps.act(older, 'collaborations', ownerCaller, { to: { kind: 'PARTNER', id: partner }, reason: '核实渠道开户' });
    const [billingTask, partnerTask] = [String(toBilling.body['taskId']), String(toPartner.body['taskId'])];

    await eventually(async () => {
      const mine = await desk(ownerCaller);
      expect(mine.items.filter((item) => item.kind === 'CASE').map((item) => item.id)).toEqual([older, newer]);
      const myCases = mine.items.filter((item) => item.kind === 'CASE');
      expect(myCases.every((item) => item.why === 'OWNER' && item.countdown !== null)).toBe(true);
      // Both wait on a task they asked for: the case decider's word, as GET /cases/{id} shows it.
      expect(myCases.map((item) => item.status)).toEqual(['COLLABORATING', 'COLLABORATING']);
    });
    await eventually(async () => {
      const billing = await desk(billingClerk);
      expect(billing.items.map((item) => [item.kind, item.id, item.why])).toContainEqual(['TASK', billingTask, 'ADDRESSED_TO_UNIT']);
      expect(billing.items.map((item) => item.id)).not.toContain(partnerTask);
      const partnerDesk = await desk(partnerAgent);
      expect(partnerDesk.items.map((item) => item.id)).toEqual([partnerTask]);
      expect(partnerDesk.items[0]!.countdown).toMatchObject({ clockKey: expect.stringMatching(/^task:/), secondsToDue: expect.any(Number) });
      expect(partnerDesk.items[0]!.status).toBe('REQUESTED');
    });
  });

  it('counts work past its due time as overdue and puts it first', async () => {
    const caseId = await steps.caseAt('in-progress', 'cust-desk-3', owner);
    clock.advanceMinutes(60 * 24 * 10);
    await eventually(async () => {
      const mine = await desk(ownerCaller);
      expect(mine.counts.overdue).toBeGreaterThan(0);
      expect(mine.items[0]!.countdown!.secondsToDue).toBeLessThan(0);
      expect(mine.items.map((item) => item.id)).toContain(caseId);
      const percents = mine.items.filter((item) => item.countdown).map((item) => item.countdown!.percentUsed);
      expect(percents).toEqual([...percents].sort((a, b) => b - a));
    });
  });

  it('shows a supervisor the cases waiting without an owner in their unit’s queues', async () => {
    // A fault goes to technical support, a queue of the front line with nobody enrolled: it waits there.
    const fault = { channel: 'app', audience: 'EXTERNAL', requester: { id: 'cust-desk-4' }, requestType: 'FAULT', category: 'network/no-signal', subject: '宽带断网', description: '从早上开始无法上网', region: 'GD-SZ' };
    const submitted = await platform.call('POST', '/api/v1/contacts', { caller: customer('cust-desk-4'), body: fault });
    expect(submitted.status).toBe(201);
    const waiting = String(submitted.body['caseId']);
    await eventually(async () => {
      const item = (await desk(supervisor)).items.find((candidate) => candidate.id === waiting);
      expect(item).toMatchObject({ kind: 'CASE', why: 'UNIT_QUEUE', status: 'QUEUED', countdown: { clockKey: 'case:response' } });
    });
    // Every front-line colleague sees it waiting; another unit's staff do not.
    expect((await desk(ownerCaller)).items.find((item) => item.id === waiting)).toMatchObject({ why: 'UNIT_QUEUE' });
    expect((await desk(billingClerk)).items.map((item) => item.id)).not.toContain(waiting);
  });

  it('is for staff: a customer gets 403 problem details', async () => {
    const answer = await platform.call('GET', '/api/v1/workbench', { caller: customer('cust-desk-5') });
    expect(answer.status).toBe(403);
    expect(answer.contentType).toContain('application/problem+json');
  });
});
