import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { workflowV1 } from '@collab/contracts';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform } from '../embedded-platform';
import { LifecycleSteps, frontLineAgent, partnerStaff } from './lifecycle-steps';
import { PartnerClient } from './partner-grpc';

/** A check on what a stream has received so far, retried until it holds. */
const soon = (check: () => void): Promise<void> => eventually(() => Promise.resolve().then(check));

type TaskAnswer = { task: workflowV1.CollaborationTask__Output };

const owner = 'agent-partner-desk';
const ownerCaller = frontLineAgent(owner);
const gd = 'reseller-gd';
const bj = 'reseller-bj';

describe('collab.workflow.v1.PartnerCollaborationService, embedded platform', () => {
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;
  let gdClient: PartnerClient;
  let bjClient: PartnerClient;
  let requesters = 0;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start();
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
    await steps.registerPartner(gd, 'GD-SZ');
    await steps.registerPartner(bj, 'BJ');
    gdClient = new PartnerClient(platform, partnerStaff('gd-agent', gd));
    bjClient = new PartnerClient(platform, partnerStaff('bj-agent', bj));
  });
  afterAll(async () => {
    gdClient?.close();
    bjClient?.close();
    await platform?.stop();
  });

  /** A complaint in progress whose owner asks `partner` for help; answers the new task's id. */
  const taskFor = async (partner: string): Promise<string> => {
    const caseId = await steps.caseAt('in-progress', `cust-partner-${(requesters += 1)}`, owner);
    const asked = await steps.act(caseId, 'collaborations', ownerCaller, { to: { kind: 'PARTNER', id: partner }, reason: '请核实该 SIM 卡激活故障' });
    expect(asked.status).toBe(201);
    return String(asked.body['taskId']);
  };

  const listed = async (client: PartnerClient, request: object = {}) => {
    const { response, error } = await client.call<workflowV1.ListTasksResponse__Output>('ListTasks', request);
    if (error) throw error;
    return response!;
  };

  describe('partner isolation', () => {
    let gdTask: string;
    beforeAll(async () => {
      gdTask = await taskFor(gd);
      await eventually(async () => expect((await listed(gdClient)).tasks.map((task) => task.id)).toContain(gdTask));
    });

    it('lists a task only to the partner it is addressed to, with the case behind it', async () => {
      const [task] = (await listed(gdClient, { caseId: '' })).tasks.filter((candidate) => candidate.id === gdTask);
      expect(task).toMatchObject({ status: 'TASK_STATUS_REQUESTED', target: { partner: gd }, requestType: 'COMPLAINT', category: 'billing/wrong-charge', summary: '请核实该 SIM 卡激活故障' });
      expect(task!.caseNumber).toMatch(/^[A-Z]/);
      expect((await listed(bjClient)).tasks.map((candidate) => candidate.id)).not.toContain(gdTask);
    });

    it.each(['AcceptTask', 'CompleteTask', 'ReturnTask', 'AddNote'] as const)('answers %s on another partner’s task with NOT_FOUND and changes nothing', async (method) => {
      const request = { taskId: gdTask, resolution: 'done', reason: 'RETURN_REASON_WRONG_UNIT', note: 'not ours', text: 'hello' };
      const { error } = await bjClient.call(method, request);
      expect(error?.code).toBe(status.NOT_FOUND);
      expect(error?.details).not.toContain(gd);
      const [task] = (await listed(gdClient)).tasks.filter((candidate) => candidate.id === gdTask);
      expect(task).toMatchObject({ status: 'TASK_STATUS_REQUESTED', version: '1', notes: [] });
    });

    it('answers an unknown task id with NOT_FOUND, and a malformed one with INVALID_ARGUMENT naming task_id', async () => {
      expect((await gdClient.call('AcceptTask', { taskId: randomUUID() })).error?.code).toBe(status.NOT_FOUND);
      const { error } = await gdClient.call('AcceptTask', { taskId: 'task-1' });
      expect(error?.code).toBe(status.INVALID_ARGUMENT);
      expect(error?.details).toContain('task_id');
    });

    it('refuses a bad page token and page size by name', async () => {
      expect((await gdClient.call('ListTasks', { pageToken: 'x' })).error?.details).toContain('page_token');
      expect((await gdClient.call('ListTasks', { pageSize: 1000 })).error?.details).toContain('page_size');
    });
  });

  describe('working a task', () => {
    it('accepts, notes once per request_id, and completes; the case sees the outcome', async () => {
      const taskId = await taskFor(gd);
      await eventually(async () => expect((await listed(gdClient)).tasks.map((task) => task.id)).toContain(taskId));
      const accepted = await gdClient.call<TaskAnswer>('AcceptTask', { taskId });
      expect(accepted.response?.task).toMatchObject({ status: 'TASK_STATUS_ACCEPTED', version: '2' });
      const note = { taskId, text: '已联系客户，正在处理', requestId: 'note-1' };
      await gdClient.call<TaskAnswer>('AddNote', note);
      const again = await gdClient.call<TaskAnswer>('AddNote', note);
      expect(again.response?.task.notes.map((entry) => entry.text)).toEqual(['已联系客户，正在处理']);
      const completed = await gdClient.call<TaskAnswer>('CompleteTask', { taskId, resolution: 'SIM re-provisioned' });
      expect(completed.response?.task).toMatchObject({ status: 'TASK_STATUS_COMPLETED', resolution: 'SIM re-provisioned' });
      expect((await gdClient.call('CompleteTask', { taskId, resolution: 'again' })).error?.code).toBe(status.FAILED_PRECONDITION);
    });

    it('returns a task (退单) with an enum reason or any managed code, and refuses OTHER without a code', async () => {
      const byEnum = await taskFor(gd);
      await eventually(async () => expect((await listed(gdClient)).tasks.map((task) => task.id)).toContain(byEnum));
      const returned = await gdClient.call<TaskAnswer>('ReturnTask', { taskId: byEnum, reason: 'RETURN_REASON_INSUFFICIENT_INFORMATION', note: '缺少 ICCID' });
      expect(returned.response?.task).toMatchObject({ status: 'TASK_STATUS_RETURNED', returnReason: 'RETURN_REASON_INSUFFICIENT_INFORMATION', returnReasonCode: 'MISSING_INFORMATION', returnNote: '缺少 ICCID' });
      const byCode = await taskFor(gd);
      await eventually(async () => expect((await listed(gdClient)).tasks.map((task) => task.id)).toContain(byCode));
      const other = await gdClient.call('ReturnTask', { taskId: byCode, reason: 'RETURN_REASON_OTHER', note: 'policy' });
      expect(other.error?.details).toContain('reason_code');
      const coded = await gdClient.call<TaskAnswer>('ReturnTask', { taskId: byCode, reasonCode: 'NOT_ALLOWED_BY_POLICY', note: '政策不允许' });
      expect(coded.response?.task).toMatchObject({ returnReason: 'RETURN_REASON_OTHER', returnReasonCode: 'NOT_ALLOWED_BY_POLICY' });
    });
  });

  describe('WatchTasks', () => {
    it('starts with the open tasks, follows live changes, and resumes after a dropped stream with no change missed', async () => {
      const before = await taskFor(gd);
      await eventually(async () => expect((await listed(gdClient)).tasks.map((task) => task.id)).toContain(before));
      const first = await gdClient.watch();
      const bjWatch = await bjClient.watch();
      await soon(() => expect(first.changesOf(before)).toEqual(['TASK_STATUS_REQUESTED@1']));
      const live = await taskFor(gd);
      await soon(() => expect(first.changesOf(live)).toEqual(['TASK_STATUS_REQUESTED@1']));
      const cursor = first.lastCursor;
      first.drop();

      // While the partner is disconnected: one new task, and both known tasks move on.
      const whileAway = await taskFor(gd);
      await gdClient.call('AcceptTask', { taskId: live });
      await gdClient.call('AcceptTask', { taskId: whileAway });
      await gdClient.call('CompleteTask', { taskId: live, resolution: 'fixed' });

      const resumed = await gdClient.watch(cursor);
      await soon(() => {
        expect(resumed.changesOf(live)).toEqual(['TASK_STATUS_ACCEPTED@2', 'TASK_STATUS_COMPLETED@3']);
        expect(resumed.changesOf(whileAway)).toEqual(['TASK_STATUS_REQUESTED@1', 'TASK_STATUS_ACCEPTED@2']);
      });
      expect(resumed.changesOf(before)).toEqual([]);
      expect(resumed.error).toBeUndefined();
      resumed.drop();
      bjWatch.drop();
      expect(bjWatch.received.map((item) => item.task?.target?.partner)).not.toContain(gd);
    });

    it('refuses a cursor it did not send, naming cursor', async () => {
      const watch = await gdClient.watch('not-a-cursor');
      await soon(() => expect(watch.error?.code).toBe(status.INVALID_ARGUMENT));
      expect(watch.error?.details).toContain('cursor');
    });
  });
});
