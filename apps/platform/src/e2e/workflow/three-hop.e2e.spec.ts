import { eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type CallResult, type Caller } from '../embedded-platform';
import { LifecycleSteps, customer, departmentStaff, frontLineAgent } from './lifecycle-steps';
import { PartnerClient } from './partner-grpc';

const owner = 'agent-zhou';
const ownerCaller = frontLineAgent(owner);
const requester = 'cust-three-hop';
const billingClerk = departmentStaff('billing-wang', 'billing');
const networkEngineer = departmentStaff('network-li', 'network');
const partner = 'fibre-partner-gd';

type Link = { taskId: string; parentTaskId: string | null; from: { kind: string; id: string }; to: { id: string }; status: string; children: Link[] };
type Leg = { holder: { kind: string; id: string }; kind: string; taskId: string | null; heldMinutes: number; to: string | null };

const ok = (answer: CallResult, what: string): CallResult => {
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
};

/**
 * 流程穿越 end to end: a complaint crosses from the front line to Billing, Billing asks Network,
 * Network asks a partner — and the answers come back down the chain to a closed case with the
 * requester's confirmation and feedback, every hand-off and every leg visible on the case.
 */
describe('a case across three hops and back to closing, embedded platform', () => {
  const clock = new MovableClock('2026-11-30T05:30:00Z');
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;
  let partnerClient: PartnerClient;

  beforeAll(async () => {
    // A Monday 13:30 in Shanghai: the afternoon's working hours hold every step, so business minutes equal the minutes moved.
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
    await steps.registerPartner(partner, 'GD-SZ');
    partnerClient = new PartnerClient(platform, { sub: 'fibre-partner-agent', audience: 'PARTNER', roles: ['partner-agent'], partner });
  });
  afterAll(async () => {
    partnerClient?.close();
    await platform?.stop();
  });

  const onTask = (taskId: string, command: string, caller: Caller, body?: unknown) =>
    platform.call('POST', `/api/v1/tasks/${taskId}/${command}`, { caller, ...(body === undefined ? {} : { body }) });

  /** The target sees the task (its stream is created from the case's request by a process manager) and accepts it. */
  const acceptWhenArrived = (taskId: string, caller: Caller) =>
    eventually(async () => ok(await onTask(taskId, 'accept', caller), `accepting ${taskId}`));

  it('front line → billing → network → partner, and back to a confirmed, rated, closed case', async () => {
    const caseId = await steps.caseAt('in-progress', requester, owner);

    const toBilling = ok(await steps.act(caseId, 'collaborations', ownerCaller, { to: { kind: 'UNIT', id: 'billing' }, reason: '宽带月费多扣，请核对计费' }), 'front line asks billing');
    const billingTask = String(toBilling.body['taskId']);
    clock.advanceMinutes(20);
    await acceptWhenArrived(billingTask, billingClerk);

    clock.advanceMinutes(40);
    const toNetwork = ok(await steps.act(caseId, 'collaborations', billingClerk, { to: { kind: 'UNIT', id: 'network' }, reason: '计费依据是线路速率，请核实实际速率', parentTaskId: billingTask }), 'billing asks network');
    const networkTask = String(toNetwork.body['taskId']);
    await acceptWhenArrived(networkTask, networkEngineer);

    clock.advanceMinutes(30);
    const toPartner = ok(await steps.act(caseId, 'collaborations', networkEngineer, { to: { kind: 'PARTNER', id: partner }, reason: '请现场检测光猫', parentTaskId: networkTask }), 'network asks the partner');
    const partnerTask = String(toPartner.body['taskId']);
    await eventually(async () => expect((await partnerClient.call('AcceptTask', { taskId: partnerTask })).error).toBeUndefined());

    clock.advanceMinutes(90);
    expect((await partnerClient.call('CompleteTask', { taskId: partnerTask, resolution: '光猫故障已更换，速率恢复' })).error).toBeUndefined();
    clock.advanceMinutes(15);
    await eventually(async () => ok(await onTask(networkTask, 'complete', networkEngineer, { result: '实际速率低于套餐，故障期间按比例退费' }), 'network completes'));
    clock.advanceMinutes(15);
    await eventually(async () => ok(await onTask(billingTask, 'complete', billingClerk, { result: '已退费 45 元' }), 'billing completes'));

    await eventually(async () => expect((await steps.read(caseId)).body).toMatchObject({ status: 'IN_PROGRESS' }));
    ok(await steps.act(caseId, 'resolve', ownerCaller, { resolutionCode: 'REFUNDED', knowledgeArticleIds: ['kb-broadband-refund'], note: '已退费并修复线路' }), 'resolve');
    ok(await steps.act(caseId, 'confirm', customer(requester)), 'confirm');
    ok(await steps.act(caseId, 'feedback', customer(requester), { csat: 5, comment: '处理很快，谢谢' }), 'feedback');

    const closed = (await steps.read(caseId)).body;
    expect(closed).toMatchObject({ status: 'CLOSED' });
    const [billingLink] = closed['chain'] as Link[];
    expect(billingLink).toMatchObject({ taskId: billingTask, parentTaskId: null, to: { id: 'billing' }, status: 'COMPLETED' });
    expect(billingLink!.children[0]).toMatchObject({ taskId: networkTask, parentTaskId: billingTask, from: { kind: 'UNIT', id: 'billing' }, to: { id: 'network' }, status: 'COMPLETED' });
    expect(billingLink!.children[0]!.children[0]).toMatchObject({ taskId: partnerTask, parentTaskId: networkTask, from: { kind: 'UNIT', id: 'network' }, to: { id: partner }, status: 'COMPLETED' });

    const legs = closed['legs'] as Leg[];
    const heldBy = (holder: string) => legs.filter((leg) => leg.holder.id === holder).reduce((sum, leg) => sum + leg.heldMinutes, 0);
    // The clock also runs for the real seconds the test takes between steps: at most a minute or two more.
    const about = (minutes: number) => ({ asymmetricMatch: (held: number) => held >= minutes && held < minutes + 3, toString: () => `about ${minutes}` });
    expect(heldBy(partner)).toEqual(about(90));
    expect(heldBy('network')).toEqual(about(30 + 90 + 15));
    expect(heldBy('billing')).toEqual(about(20 + 40 + 30 + 90 + 15 + 15));

    const history = await steps.history(caseId);
    const types = history.map((event) => event['type']);
    for (const type of ['CollaborationTaskOpened', 'CollaborationRequested', 'TaskAccepted', 'TaskCompleted', 'CollaborationTaskClosed', 'CaseResolved', 'CaseClosed', 'FeedbackRecorded'])
      expect(types).toContain(type);
    expect(history.filter((event) => event['type'] === 'TaskCompleted').map((event) => (event['actor'] as { id: string }).id)).toEqual(['fibre-partner-agent', 'network-li', 'billing-wang']);
  });
});
