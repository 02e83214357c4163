import { randomUUID } from 'node:crypto';
import { eventually } from '@collab/testing';
import { TEST_MONDAY_MORNING, type PlatformPaths } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type CallResult, type Caller } from '../embedded-platform';
import {
  LifecycleSteps,
  admin,
  customer,
  departmentStaff,
  frontLineAgent,
  partnerStaff,
  supervisor,
} from './lifecycle-steps';

const owner = 'agent-lin';
const ownerCaller = frontLineAgent(owner);
const billingClerk = departmentStaff('billing-clerk', 'billing');
const networkEngineer = departmentStaff('network-engineer', 'network');
const reseller = 'reseller-gd';
const resellerAgent = partnerStaff('reseller-gd-agent', reseller);
const otherPartnerAgent = partnerStaff('reseller-bj-agent', 'reseller-bj');

type Task = Record<string, unknown>;

describe('collaboration across units and partners (流程穿越), embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;
  let requesters = 0;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
    await steps.registerPartner(reseller, 'GD-SZ');
    await steps.registerPartner('reseller-bj', 'BJ');
  });
  afterAll(() => platform?.stop());

  /** A complaint in progress, owned by Lin, for a requester of its own (contacts of one requester would join one case). */
  const caseInProgress = () => steps.caseAt('in-progress', `cust-collab-${(requesters += 1)}`, owner);

  const ask = (
    caseId: string,
    to: { kind: string; id: string },
    caller: Caller = ownerCaller,
    extra: Record<string, unknown> = {},
  ) =>
    steps.act(caseId, 'collaborations', caller, {
      to,
      reason: 'please check the charge on the March bill',
      ...extra,
    });

  const onTask = (taskId: string, command: string, caller: Caller, body?: unknown): Promise<CallResult> =>
    platform.call('POST', `/api/v1/tasks/${taskId}/${command}`, {
      caller,
      ...(body === undefined ? {} : { body }),
    });

  // Through the client generated from the OpenAPI document: the page is the documented TaskList.
  type TaskQuery = NonNullable<PlatformPaths['/api/v1/tasks']['get']['parameters']['query']>;
  const tasksOf = async (caller: Caller, query: TaskQuery = {}): Promise<Task[]> => {
    const { data, response } = await platform.api(caller).GET('/api/v1/tasks', { params: { query } });
    expect(response.status).toBe(200);
    return data?.items ?? [];
  };

  /** The task as its target finds it in its list, once the task stream was created from the case's request. */
  const arrived = (taskId: string, caller: Caller): Promise<Task> =>
    eventually(async () => {
      const found = (await tasksOf(caller)).find((task) => task['id'] === taskId);
      if (!found) throw new Error(`task ${taskId} has not reached ${caller.sub}`);
      return found;
    });

  const chainOf = async (caseId: string) =>
    (await steps.read(caseId)).body['chain'] as Record<string, unknown>[];

  it('request → the department sees the task → accept → note → complete → the case is worked again', async () => {
    const caseId = await caseInProgress();
    const asked = await ask(caseId, { kind: 'UNIT', id: 'billing' });
    expect(asked.status).toBe(201);
    const taskId = String(asked.body['taskId']);
    // The case waits on its task: the decider's own word, as its 409s say it.
    expect(asked.body['case']).toMatchObject({ id: caseId, status: 'COLLABORATING', chain: [{ taskId, status: 'REQUESTED' }] });

    const task = await arrived(taskId, billingClerk);
    expect(task).toMatchObject({
      caseId,
      caseNumber: expect.any(String),
      parentTaskId: null,
      from: { kind: 'QUEUE', id: 'complaints' },
      to: { kind: 'UNIT', id: 'billing', region: 'CN' },
      status: 'REQUESTED',
      reason: 'please check the charge on the March bill',
      sla: {
        calendarId: 'cn-standard',
        acceptWithinBusinessMinutes: expect.any(Number),
        completeWithinBusinessMinutes: expect.any(Number),
      },
      requestedBy: owner,
      urgeCount: 0,
      notes: [],
    });
    expect(Date.parse(String(task['completeDueAt']))).toBeGreaterThanOrEqual(
      Date.parse(String(task['acceptDueAt'])),
    );
    expect(Date.parse(String(task['acceptDueAt']))).toBeGreaterThan(Date.parse(String(task['requestedAt'])));

    expect((await onTask(taskId, 'accept', billingClerk)).body).toMatchObject({
      status: 'ACCEPTED',
      acceptedBy: 'billing-clerk',
    });
    // The chain says of the task what /tasks says.
    await eventually(async () =>
      expect((await steps.read(caseId)).body).toMatchObject({ status: 'COLLABORATING', chain: [{ taskId, status: 'ACCEPTED' }] }),
    );
    const noted = await onTask(taskId, 'notes', billingClerk, { note: '已核实，系统重复扣费' });
    expect(noted.body['notes']).toEqual([
      expect.objectContaining({ side: { kind: 'UNIT', id: 'billing' }, note: '已核实，系统重复扣费', by: 'billing-clerk' }),
    ]);
    expect((await onTask(taskId, 'complete', billingClerk, { result: '已退还 30 元' })).body).toMatchObject({
      status: 'COMPLETED',
      result: '已退还 30 元',
    });

    // Once the case has recorded the task's end it is worked again.
    await eventually(async () =>
      expect((await steps.read(caseId)).body).toMatchObject({ status: 'IN_PROGRESS', chain: [{ taskId, status: 'COMPLETED' }] }),
    );
    const resolved = await steps.act(caseId, 'resolve', ownerCaller, {
      resolutionCode: 'REFUNDED',
      note: 'billing refunded',
    });
    expect(resolved).toMatchObject({ status: 200, body: { status: 'RESOLVED' } });
  });

  it('a case waiting on its task is COLLABORATING in every view: workflow, the requester’s list, intake’s gRPC — until the case records the end', async () => {
    const requester = `cust-collab-${(requesters += 1)}`;
    const caseId = await steps.caseAt('in-progress', requester, owner);
    const taskId = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
    const everyView = async () => {
      const mine = await platform.call('GET', '/api/v1/customers/me/cases', { caller: customer(requester) });
      const grpc = await platform.intakeGrpc<{ case: { status: string } }>('GetCase', { caseId }, supervisor);
      return {
        workflow: (await steps.read(caseId)).body['status'],
        requester: (await steps.read(caseId, customer(requester))).body['status'],
        customerCases: (mine.body['items'] as Record<string, unknown>[]).find((listed) => listed['id'] === caseId)?.['status'],
        grpc: grpc.response?.case.status,
      };
    };
    await eventually(async () =>
      expect(await everyView()).toEqual({ workflow: 'COLLABORATING', requester: 'COLLABORATING', customerCases: 'COLLABORATING', grpc: 'CASE_STATUS_COLLABORATING' }),
    );
    await arrived(taskId, billingClerk);
    expect((await onTask(taskId, 'accept', billingClerk)).status).toBe(200);
    expect((await onTask(taskId, 'complete', billingClerk, { result: '已退还 30 元' })).status).toBe(200);
    await eventually(async () =>
      expect(await everyView()).toEqual({ workflow: 'IN_PROGRESS', requester: 'IN_PROGRESS', customerCases: 'IN_PROGRESS', grpc: 'CASE_STATUS_IN_PROGRESS' }),
    );
  });

  it('a return (退单) names a reason from the managed list, and the case sees it RETURNED', async () => {
    const caseId = await caseInProgress();
    const taskId = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
    await arrived(taskId, billingClerk);

    const unknownReason = await onTask(taskId, 'return', billingClerk, {
      reasonCode: 'NOT_MY_JOB',
      note: 'x',
    });
    expect(unknownReason.status).toBe(400);
    expect(unknownReason.body['errors']).toEqual([expect.objectContaining({ field: 'reasonCode' })]);

    const returned = await onTask(taskId, 'return', billingClerk, {
      reasonCode: 'WRONG_UNIT',
      note: '应由网络部处理',
    });
    expect(returned.body).toMatchObject({
      status: 'RETURNED',
      returnReason: { code: 'WRONG_UNIT', note: '应由网络部处理' },
    });
    await eventually(async () =>
      expect((await chainOf(caseId))[0]).toMatchObject({
        taskId,
        status: 'RETURNED',
        outcomeReason: 'WRONG_UNIT',
      }),
    );
    expect((await onTask(taskId, 'complete', billingClerk, { result: 'too late' })).status).toBe(409);
  });

  it('a task bounced between the same two units too often raises a ping-pong to the supervisors of both', async () => {
    const caseId = await caseInProgress();
    for (let round = 0; round < 2; round += 1) {
      const taskId = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
      await arrived(taskId, billingClerk);
      expect(
        (
          await onTask(taskId, 'return', billingClerk, {
            reasonCode: 'MISSING_INFORMATION',
            note: '请补充账单截图',
          })
        ).status,
      ).toBe(200);
      await eventually(async () =>
        // closedAt: the case has recorded the return (and with it any ping-pong), not only the task.
        expect((await chainOf(caseId)).filter((link) => link['status'] === 'RETURNED' && link['closedAt'] !== null)).toHaveLength(
          round + 1,
        ),
      );
    }
    const raised = (await steps.history(caseId)).filter((entry) => entry['type'] === 'PingPongDetected');
    expect(raised).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          // The case's queue asked, the billing unit returned: a request and a return are between the task's parties.
          sides: expect.arrayContaining([
            { party: { kind: 'QUEUE', id: 'complaints' }, supervisorId: 'front-line-supervisor' },
            { party: { kind: 'UNIT', id: 'billing' }, supervisorId: 'billing-supervisor' },
          ]),
        }),
      }),
    ]);
  });

  it('the asking unit urges (催办) and the urge count goes up, once an hour; the target cannot urge', async () => {
    const caseId = await caseInProgress();
    const taskId = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
    await arrived(taskId, billingClerk);

    expect((await onTask(taskId, 'urge', ownerCaller, { note: '客户第二次来电' })).body).toMatchObject({
      urgeCount: 1,
      lastUrgedAt: expect.any(String),
    });
    expect((await onTask(taskId, 'urge', ownerCaller, {})).status).toBe(429);
    expect((await onTask(taskId, 'urge', billingClerk, {})).status).toBe(403);
    expect((await onTask(taskId, 'accept', ownerCaller)).status).toBe(403);
  });

  it('holds two tasks open at once in different regions, each party seeing only its own', async () => {
    const caseId = await caseInProgress();
    const toBilling = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
    const toReseller = String((await ask(caseId, { kind: 'PARTNER', id: reseller })).body['taskId']);

    expect(await arrived(toBilling, billingClerk)).toMatchObject({ to: { region: 'CN' } });
    expect(await arrived(toReseller, resellerAgent)).toMatchObject({
      to: { kind: 'PARTNER', id: reseller, region: 'GD-SZ' },
      sla: { acceptWithinBusinessMinutes: expect.any(Number) },
    });
    expect((await tasksOf(resellerAgent)).map((task) => task['id'])).toEqual([toReseller]);
    expect((await platform.call('GET', `/api/v1/tasks/${toBilling}`, { caller: resellerAgent })).status).toBe(
      404,
    );
    expect(
      (await platform.call('GET', `/api/v1/tasks/${toReseller}`, { caller: otherPartnerAgent })).status,
    ).toBe(404);
    expect((await onTask(toReseller, 'accept', otherPartnerAgent)).status).toBe(404);
    // Tasks are for staff and partner staff: a customer is refused by the route's policy, whatever the id.
    expect(
      (await platform.call('GET', `/api/v1/tasks/${toReseller}`, { caller: customer('cust-collab-1') }))
        .status,
    ).toBe(403);

    expect((await steps.act(caseId, 'resolve', ownerCaller, { resolutionCode: 'FIXED' })).status).toBe(409);
    expect((await tasksOf(supervisor, { caseId })).map((task) => task['id']).sort()).toEqual(
      [toBilling, toReseller].sort(),
    );
    expect((await tasksOf(billingClerk, { status: 'REQUESTED' })).map((task) => task['id'])).toContain(toBilling);
    expect((await tasksOf(billingClerk, { status: 'COMPLETED' })).map((task) => task['id'])).not.toContain(
      toBilling,
    );
  });

  it('a chain: billing, holding its task, asks network, and the case shows the whole chain', async () => {
    const caseId = await caseInProgress();
    const billingTask = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
    await arrived(billingTask, billingClerk);
    await onTask(billingTask, 'accept', billingClerk);

    expect(
      (await ask(caseId, { kind: 'UNIT', id: 'network' }, ownerCaller, { parentTaskId: billingTask })).status,
    ).toBe(403);
    const chained = await ask(caseId, { kind: 'UNIT', id: 'network' }, billingClerk, {
      parentTaskId: billingTask,
    });
    expect(chained.status).toBe(201);
    const networkTask = String(chained.body['taskId']);

    expect(await arrived(networkTask, networkEngineer)).toMatchObject({
      parentTaskId: billingTask,
      from: { kind: 'UNIT', id: 'billing' },
      to: { id: 'network' },
    });
    expect((await tasksOf(billingClerk)).map((task) => task['id'])).toEqual(
      expect.arrayContaining([billingTask, networkTask]),
    );
    const chain = await chainOf(caseId);
    expect(chain).toHaveLength(1);
    expect(chain[0]).toMatchObject({
      taskId: billingTask,
      children: [expect.objectContaining({ taskId: networkTask, from: { kind: 'UNIT', id: 'billing' } })],
    });

    await onTask(networkTask, 'accept', networkEngineer);
    await onTask(networkTask, 'complete', networkEngineer, { result: '基站计费接口已修复' });
    await onTask(billingTask, 'complete', billingClerk, { result: '已退费' });
    await eventually(async () =>
      expect((await steps.read(caseId)).body['chain']).toMatchObject([
        { status: 'COMPLETED', children: [{ status: 'COMPLETED' }] },
      ]),
    );
  });

  it('withdrawing by the asker, and cancelling the case, end the open tasks', async () => {
    const caseId = await caseInProgress();
    const first = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
    const second = String((await ask(caseId, { kind: 'UNIT', id: 'network' })).body['taskId']);
    await arrived(first, billingClerk);
    await arrived(second, networkEngineer);

    expect((await onTask(first, 'withdraw', billingClerk, { reason: 'x' })).status).toBe(403);
    expect((await onTask(first, 'withdraw', ownerCaller, { reason: '客户已自行解决' })).body).toMatchObject({
      status: 'WITHDRAWN',
      withdrawReason: '客户已自行解决',
    });
    expect(
      (await steps.act(caseId, 'cancel', supervisor, { reason: 'duplicate of another case' })).body,
    ).toMatchObject({ status: 'CANCELLED' });
    await eventually(async () =>
      expect(
        (await platform.call('GET', `/api/v1/tasks/${second}`, { caller: networkEngineer })).body,
      ).toMatchObject({ status: 'WITHDRAWN', withdrawReason: expect.stringContaining('duplicate') }),
    );
  });

  it('asks only a unit or partner the org directory knows, of the kind named', async () => {
    const caseId = await caseInProgress();
    const unknown = await ask(caseId, { kind: 'UNIT', id: 'no-such-unit' });
    expect(unknown.status).toBe(400);
    expect(unknown.body['errors']).toEqual([expect.objectContaining({ field: 'to.id' })]);
    const wrongKind = await ask(caseId, { kind: 'PARTNER', id: 'billing' });
    expect(wrongKind.body['errors']).toEqual([expect.objectContaining({ field: 'to.kind' })]);
    expect(
      (await ask(caseId, { kind: 'UNIT', id: 'billing' }, frontLineAgent('agent-not-owner'))).status,
    ).toBe(403);
    // Asking for help on a case is the enterprise's staff's: partner staff are refused by the route's policy, whatever the id.
    expect((await ask(caseId, { kind: 'UNIT', id: 'billing' }, resellerAgent)).status).toBe(403);
  });

  describe('task requests', () => {
    it('answer 404 for an unknown task and 400 naming bad fields', async () => {
      expect((await onTask(randomUUID(), 'accept', billingClerk)).status).toBe(404);
      expect(
        (await platform.call('GET', `/api/v1/tasks/${randomUUID()}`, { caller: billingClerk })).status,
      ).toBe(404);
      const caseId = await caseInProgress();
      const taskId = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
      await arrived(taskId, billingClerk);
      const bad = await onTask(taskId, 'return', billingClerk, { reasonCode: 3, extra: true });
      expect(bad.status).toBe(400);
      expect((bad.body['errors'] as { field: string }[]).map((error) => error.field)).toEqual(
        expect.arrayContaining(['reasonCode', 'note', 'extra']),
      );
      const badQuery = await platform.call('GET', '/api/v1/tasks?status=DONE&limit=0', {
        caller: billingClerk,
      });
      expect((badQuery.body['errors'] as { field: string }[]).map((error) => error.field)).toEqual(
        expect.arrayContaining(['status', 'limit']),
      );
    });

    it('page with limit and the cursor each page answers, newest first, each task once', async () => {
      const all = await tasksOf(billingClerk, { limit: 200 });
      const tasks = platform.api(billingClerk);
      const first = await tasks.GET('/api/v1/tasks', { params: { query: { limit: 1 } } });
      expect(first.data?.items).toHaveLength(1);
      expect(first.data?.page).toEqual({ limit: 1, next: expect.any(String) });
      const second = await tasks.GET('/api/v1/tasks', { params: { query: { limit: 1, after: String(first.data?.page.next) } } });
      expect(second.data?.items[0]?.id).toBe(all[1]?.id);
      const bad = await platform.call('GET', '/api/v1/tasks?after=bm90LWEta2V5', { caller: billingClerk });
      expect(bad.status).toBe(400);
      expect((bad.body['errors'] as { field: string }[]).map((error) => error.field)).toEqual(['after']);
    });
  });

  describe('the managed return reasons', () => {
    it('lists the defaults, lets an admin add and retire one, and a return follows the list', async () => {
      const listed = await platform.api(billingClerk).GET('/api/v1/tasks/return-reasons');
      expect(listed.data?.items.map((reason) => reason.code)).toEqual(
        expect.arrayContaining(['WRONG_UNIT', 'MISSING_INFORMATION', 'OUT_OF_SCOPE', 'DUPLICATE']),
      );

      const names = { 'zh-Hans': '需上门核查', en: 'Needs a site visit' };
      expect(
        (
          await platform.call('POST', '/api/v1/tasks/return-reasons', {
            caller: billingClerk,
            body: { code: 'NEEDS_SITE_VISIT', names },
          })
        ).status,
      ).toBe(403);
      const defined = await platform.api(admin).POST('/api/v1/tasks/return-reasons', { body: { code: 'NEEDS_SITE_VISIT', names } });
      expect(defined.response.status).toBe(201);
      expect(defined.data).toMatchObject({ code: 'NEEDS_SITE_VISIT', names, active: true });

      const caseId = await caseInProgress();
      const taskId = String((await ask(caseId, { kind: 'UNIT', id: 'network' })).body['taskId']);
      await arrived(taskId, networkEngineer);
      const retired = await platform.call('POST', '/api/v1/tasks/return-reasons/NEEDS_SITE_VISIT/retire', {
        caller: admin,
        body: { reason: 'site visits are booked, not returned' },
      });
      expect(retired.body).toMatchObject({ code: 'NEEDS_SITE_VISIT', active: false });
      expect(
        (await onTask(taskId, 'return', networkEngineer, { reasonCode: 'NEEDS_SITE_VISIT', note: 'x' }))
          .status,
      ).toBe(400);
      expect(
        (
          await platform.call('POST', '/api/v1/tasks/return-reasons/NEEDS_SITE_VISIT/retire', {
            caller: admin,
            body: { reason: 'again' },
          })
        ).status,
      ).toBe(409);
      expect(
        (
          await platform.call('POST', '/api/v1/tasks/return-reasons/NEVER_DEFINED/retire', {
            caller: admin,
            body: { reason: 'x' },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await platform.call('POST', '/api/v1/tasks/return-reasons', {
            caller: admin,
            body: { code: 'bad code', names: {} },
          })
        ).body['errors'],
      ).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'code' })]));
    });
  });
});
