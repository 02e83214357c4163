import { eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type CallResult, type Caller } from '../embedded-platform';
import { LifecycleSteps, departmentStaff, frontLineAgent } from './lifecycle-steps';

/* Issue 12, "Task rules": parents and their children, whom a unit may ask, and urges (催办). */

const owner = 'agent-rules';
const ownerCaller = frontLineAgent(owner);
const otherAgent = frontLineAgent('agent-rules-2');
const billingClerk = departmentStaff('billing-rules-clerk', 'billing');
const networkEngineer = departmentStaff('network-rules-engineer', 'network');

type Task = Record<string, unknown>;

describe('task rules (协同单), embedded platform on a Sunday night in Shanghai', () => {
  // Sunday 2026-12-06 23:02 in Shanghai.
  const clock = new MovableClock('2026-12-06T15:02:00Z');
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;
  let requesters = 0;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
    await steps.registerPartner('reseller-rules-gd', 'GD');
    await steps.registerPartner('reseller-rules-bj', 'BJ');
  });
  afterAll(() => platform?.stop());

  const caseInProgress = () => steps.caseAt('in-progress', `cust-rules-${(requesters += 1)}`, owner);

  const ask = (caseId: string, to: { kind: string; id: string }, caller: Caller = ownerCaller, extra: Record<string, unknown> = {}) =>
    steps.act(caseId, 'collaborations', caller, { to, reason: '请核实扣费', ...extra });

  const onTask = (taskId: string, command: string, caller: Caller, body?: unknown): Promise<CallResult> =>
    platform.call('POST', `/api/v1/tasks/${taskId}/${command}`, { caller, ...(body === undefined ? {} : { body }) });

  const task = async (taskId: string, caller: Caller): Promise<Task> =>
    eventually(async () => {
      const read = await platform.call('GET', `/api/v1/tasks/${taskId}`, { caller });
      expect(read.status).toBe(200);
      return read.body;
    });

  /** billing holds an accepted task of the case and has asked network in turn: the parent and its child. */
  const chain = async () => {
    const caseId = await caseInProgress();
    const parent = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
    await task(parent, billingClerk);
    expect((await onTask(parent, 'accept', billingClerk)).status).toBe(200);
    const asked = await ask(caseId, { kind: 'UNIT', id: 'network' }, billingClerk, { parentTaskId: parent });
    expect(asked.status).toBe(201);
    const child = String(asked.body['taskId']);
    await task(child, networkEngineer);
    return { caseId, parent, child };
  };

  describe('a parent task with an open child', () => {
    it('is not completed or returned while the child is open: 409 naming the child', async () => {
      const { parent, child } = await chain();
      for (const [command, body] of [
        ['complete', { result: '已退费' }],
        ['return', { reasonCode: 'WRONG_UNIT', note: '应由网络部处理' }],
      ] as const) {
        const refused = await onTask(parent, command, billingClerk, body);
        expect(refused.status).toBe(409);
        expect(refused.contentType).toContain('application/problem+json');
        expect(String(refused.body['detail'])).toContain(child);
        expect(String(refused.body['detail'])).toContain('withdrawOpenChildren');
      }
      expect(await task(child, networkEngineer)).toMatchObject({ status: 'REQUESTED' });
      expect(await task(parent, billingClerk)).toMatchObject({ status: 'ACCEPTED' });
    });

    it('is completed once the child is done', async () => {
      const { parent, child } = await chain();
      await onTask(child, 'accept', networkEngineer);
      expect((await onTask(child, 'complete', networkEngineer, { result: '接口已修复' })).status).toBe(200);
      expect((await onTask(parent, 'complete', billingClerk, { result: '已退费' })).body).toMatchObject({ status: 'COMPLETED' });
    });

    it('is completed with withdrawOpenChildren, which withdraws the child visibly, in the caller’s name', async () => {
      const { caseId, parent, child } = await chain();
      const completed = await onTask(parent, 'complete', billingClerk, { result: '已退费', withdrawOpenChildren: true });
      expect(completed.body).toMatchObject({ status: 'COMPLETED' });
      expect(await task(child, networkEngineer)).toMatchObject({
        status: 'WITHDRAWN',
        withdrawReason: `parent task ${parent} was completed`,
      });
      await eventually(async () => {
        const history = await steps.history(caseId);
        const withdrawn = history.find((event) => event['type'] === 'TaskWithdrawn' && event['stream'] === `task-${child}`);
        expect(withdrawn).toMatchObject({ data: { actor: { id: billingClerk.sub } } });
        expect(history.filter((event) => event['type'] === 'CollaborationTaskClosed')).toHaveLength(2);
      });
    });

    it('is returned with withdrawOpenChildren too', async () => {
      const { parent, child } = await chain();
      const returned = await onTask(parent, 'return', billingClerk, { reasonCode: 'WRONG_UNIT', note: '应由网络部处理', withdrawOpenChildren: true });
      expect(returned.body).toMatchObject({ status: 'RETURNED' });
      expect(await task(child, networkEngineer)).toMatchObject({ status: 'WITHDRAWN', withdrawReason: `parent task ${parent} was returned` });
    });

    it('answers 400 for a withdrawOpenChildren that is not a boolean', async () => {
      const { parent } = await chain();
      const refused = await onTask(parent, 'complete', billingClerk, { result: '已退费', withdrawOpenChildren: 'yes' });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual([expect.objectContaining({ field: 'withdrawOpenChildren' })]);
    });
  });

  describe('whom a case asks', () => {
    it('not the unit owning its own queue: 400 naming to.id', async () => {
      const caseId = await caseInProgress();
      const refused = await ask(caseId, { kind: 'UNIT', id: 'front-line' });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual([
        { field: 'to.id', message: 'must be another unit than front-line, which asks' },
      ]);
    });

    it('a partner serving the case’s region (GD serves GD-SZ)', async () => {
      const caseId = await caseInProgress();
      expect((await ask(caseId, { kind: 'PARTNER', id: 'reseller-rules-gd' })).status).toBe(201);
    });

    it('not a partner of another region, unless overridden with a reason, which the history records', async () => {
      const caseId = await caseInProgress();
      const refused = await ask(caseId, { kind: 'PARTNER', id: 'reseller-rules-bj' });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual([
        expect.objectContaining({ field: 'to.id', message: expect.stringContaining("not the case's region GD-SZ") }),
      ]);
      expect((await ask(caseId, { kind: 'PARTNER', id: 'reseller-rules-bj' }, ownerCaller, { regionOverride: { reason: '' } })).status).toBe(400);

      const forced = await ask(caseId, { kind: 'PARTNER', id: 'reseller-rules-bj' }, ownerCaller, {
        regionOverride: { reason: '客户在北京开户' },
      });
      expect(forced.status).toBe(201);
      const opened = (await steps.history(caseId)).find((event) => event['type'] === 'CollaborationTaskOpened');
      expect(opened).toMatchObject({
        data: { to: { id: 'reseller-rules-bj' }, regionOverride: { caseRegion: 'GD-SZ', reason: '客户在北京开户' } },
      });
    });
  });

  describe('urging (催办)', () => {
    it('once per hour per task: 429 saying when before, allowed after', async () => {
      const caseId = await caseInProgress();
      const taskId = String((await ask(caseId, { kind: 'UNIT', id: 'billing' })).body['taskId']);
      await task(taskId, billingClerk);
      expect((await onTask(taskId, 'urge', ownerCaller, { note: '客户第二次来电' })).body).toMatchObject({ urgeCount: 1 });

      clock.advanceMinutes(59);
      const tooSoon = await onTask(taskId, 'urge', ownerCaller, {});
      expect(tooSoon.status).toBe(429);
      expect(tooSoon.contentType).toContain('application/problem+json');
      expect(tooSoon.body['retryAfterSeconds']).toBeGreaterThan(0);
      expect(tooSoon.body['retryAfterSeconds']).toBeLessThanOrEqual(60);

      clock.advanceMinutes(1);
      expect((await onTask(taskId, 'urge', ownerCaller, {})).body).toMatchObject({ urgeCount: 2 });
    });

    it('only by the case’s owner or the requesting unit: not the target, not a unit with no part in it', async () => {
      const { parent, child } = await chain();
      expect((await onTask(child, 'urge', networkEngineer, {})).status).toBe(403);
      // The case's owner urges billing's child task, though front-line did not ask for it.
      expect((await onTask(child, 'urge', ownerCaller, {})).body).toMatchObject({ urgeCount: 1 });
      // Another agent of the front line is neither the asking unit of the child nor the case's owner.
      expect((await onTask(child, 'urge', otherAgent, {})).status).toBe(403);
      expect((await onTask(parent, 'urge', billingClerk, {})).status).toBe(403);
    });
  });
});
