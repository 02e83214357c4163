import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform, type Caller } from '../embedded-platform';
import { LifecycleSteps, departmentStaff, frontLineAgent, partnerStaff } from '../workflow/lifecycle-steps';
import { PartnerClient } from '../workflow/partner-grpc';

/*
 * The task scope policy through REST and gRPC: who reads which collaboration task. The default
 * org is group → front-line (queue complaints), billing, network; cases ask from complaints.
 */
const owner = 'agent-scope';
const reseller = 'reseller-scope';
const networkClerk = departmentStaff('network-clerk', 'network');
const billingClerk = departmentStaff('billing-clerk', 'billing');
const billingSupervisor: Caller = { sub: 'billing-supervisor', audience: 'INTERNAL', roles: ['supervisor'], unit: 'billing' };
const groupSupervisor: Caller = { sub: 'group-supervisor', audience: 'INTERNAL', roles: ['supervisor'], unit: 'group' };
const auditor: Caller = { sub: 'auditor-1', audience: 'INTERNAL', roles: ['auditor'] };
const resellerAgent = partnerStaff('reseller-scope-agent', reseller);
const otherPartnerAgent = partnerStaff('other-partner-agent', 'reseller-other');

describe('task scope policy, embedded platform', () => {
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;
  let billingTask: string;
  let partnerTask: string;
  let requesters = 0;

  const taskAskedOf = async (to: { kind: string; id: string }): Promise<string> => {
    const caseId = await steps.caseAt('in-progress', `cust-scope-${(requesters += 1)}`, owner);
    const asked = await steps.act(caseId, 'collaborations', frontLineAgent(owner), { to, reason: 'please check the March bill' });
    expect(asked.status).toBe(201);
    return String(asked.body['taskId']);
  };

  const read = (taskId: string, caller: Caller) => platform.call('GET', `/api/v1/tasks/${taskId}`, { caller });
  const listed = async (caller: Caller): Promise<string[]> => {
    const answer = await platform.call('GET', '/api/v1/tasks?limit=200', { caller });
    expect(answer.status).toBe(200);
    // Either list envelope: { tasks } today, { items } once every list answers the one envelope.
    const rows = (answer.body['items'] ?? answer.body['tasks']) as { id: string }[];
    return rows.map((task) => task.id);
  };

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
    await steps.registerPartner(reseller, 'GD-SZ');
    billingTask = await taskAskedOf({ kind: 'UNIT', id: 'billing' });
    partnerTask = await taskAskedOf({ kind: 'PARTNER', id: reseller });
    await eventually(async () => expect(await listed(auditor)).toEqual(expect.arrayContaining([billingTask, partnerTask])));
  });
  afterAll(() => platform?.stop());

  it('answers a task the caller may not see exactly as a made-up id: 404 with the same problem type', async () => {
    const madeUp = await read(randomUUID(), networkClerk);
    expect(madeUp.status).toBe(404);
    for (const taskId of [billingTask, partnerTask]) {
      const hidden = await read(taskId, networkClerk);
      expect({ status: hidden.status, type: hidden.body['type'] }).toEqual({ status: 404, type: madeUp.body['type'] });
      expect(JSON.stringify(hidden.body)).not.toContain('billing');
    }
    expect(await listed(networkClerk)).not.toEqual(expect.arrayContaining([billingTask]));
    expect(await listed(networkClerk)).not.toContain(partnerTask);
  });

  it.each<[string, Caller, 'billing' | 'partner', boolean]>([
    ['billing’s clerk reads the task billing holds', billingClerk, 'billing', true],
    ['billing’s clerk does not read the partner’s task', billingClerk, 'partner', false],
    ['billing’s supervisor reads billing’s task', billingSupervisor, 'billing', true],
    ['the group’s supervisor reads what units under the group asked of a partner', groupSupervisor, 'partner', true],
    ['an auditor reads billing’s task', auditor, 'billing', true],
    ['an auditor reads the partner’s task', auditor, 'partner', true],
    ['the front line that asked reads the partner’s task', frontLineAgent(owner), 'partner', true],
    ['the partner reads its own task', resellerAgent, 'partner', true],
    ['the partner does not read billing’s task', resellerAgent, 'billing', false],
    ['another partner does not read the partner’s task', otherPartnerAgent, 'partner', false],
  ])('%s (GET /tasks/{id} and the list agree)', async (_, caller, which, sees) => {
    const taskId = which === 'billing' ? billingTask : partnerTask;
    expect((await read(taskId, caller)).status).toBe(sees ? 200 : 404);
    expect((await listed(caller)).includes(taskId)).toBe(sees);
  });

  it('applies the same scope to gRPC commands: a task the caller may not see is NOT_FOUND, as a made-up one', async () => {
    const network = new PartnerClient(platform, networkClerk);
    try {
      const hidden = await network.call('AddNote', { taskId: billingTask, text: 'peeking' });
      const madeUp = await network.call('AddNote', { taskId: randomUUID(), text: 'peeking' });
      expect(hidden.error?.code).toBe(status.NOT_FOUND);
      expect(madeUp.error?.code).toBe(status.NOT_FOUND);
      expect((await read(billingTask, billingClerk)).body['notes']).toEqual([]);
    } finally {
      network.close();
    }
  });

  it('gives an auditor reads, never the commands of a party', async () => {
    expect((await platform.call('POST', `/api/v1/tasks/${billingTask}/accept`, { caller: auditor })).status).toBe(403);
  });
});
