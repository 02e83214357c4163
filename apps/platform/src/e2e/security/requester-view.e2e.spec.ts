import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type CallResult, type Caller } from '../embedded-platform';
import { LifecycleSteps, customer, departmentStaff, frontLineAgent, supervisor } from '../workflow/lifecycle-steps';

const owner = 'agent-lin';
const ownerCaller = frontLineAgent(owner);
const billingClerk = departmentStaff('billing-clerk', 'billing');
const requester = customer('cust-view-1');
const STAFF_NOTE = '又来了';

/** The fields only staff see: how the organisation works the case (issue 13). */
const INTERNAL_FIELDS = ['legs', 'chain', 'assignee', 'queue', 'routingRule', 'process', 'assignedAt', 'requesterId', 'priority'];
const REQUESTER_EVENTS = new Set(['CaseRegistered', 'CaseWorkStarted', 'CaseResolved', 'CaseClosed', 'FeedbackRecorded', 'CaseReopened', 'CaseCancelled']);

/** A requester reads their case, not the organisation's internals; staff views are unchanged. */
describe("the requester's view of their case, embedded platform", () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;
  let caseId: string;

  const onTask = (taskId: string, command: string, caller: Caller, body?: unknown): Promise<CallResult> =>
    platform.call('POST', `/api/v1/tasks/${taskId}/${command}`, { caller, ...(body === undefined ? {} : { body }) });
  const get = (path: string, caller: Caller) => platform.call('GET', path, { caller });

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent(owner, 'complaints');
    caseId = await steps.caseAt('in-progress', requester.sub, owner);
    // Work the requester never sees: a task to billing, a staff note, an urge.
    const asked = await steps.act(caseId, 'collaborations', ownerCaller, { to: { kind: 'UNIT', id: 'billing' }, reason: 'please check the charge' });
    const taskId = String(asked.body['taskId']);
    await eventually(async () => expect((await onTask(taskId, 'accept', billingClerk)).status).toBe(200));
    expect((await onTask(taskId, 'notes', billingClerk, { note: STAFF_NOTE })).status).toBe(200);
    expect((await onTask(taskId, 'urge', ownerCaller, { note: '客户第二次来电' })).status).toBe(200);
    expect((await onTask(taskId, 'complete', billingClerk, { result: '已退还 30 元' })).status).toBe(200);
    // closedAt: the case itself has recorded the end, so it may be resolved.
    await eventually(async () => expect((await steps.read(caseId)).body['chain']).toEqual([expect.objectContaining({ status: 'COMPLETED', closedAt: expect.any(String) })]));
    expect((await steps.act(caseId, 'resolve', ownerCaller, { resolutionCode: 'REFUNDED', note: 'refunded 30 yuan', knowledgeArticleIds: ['kb-refunds'] })).status).toBe(200);
    expect((await steps.act(caseId, 'feedback', requester, { csat: 5, comment: '谢谢' })).status).toBe(200);
  });
  afterAll(() => platform?.stop());

  it('GET /cases/{id} shows the requester status, the promise, what they asked, the resolution and their feedback — nothing internal', async () => {
    const seen = await eventually(async () => {
      const answer = await get(`/api/v1/cases/${caseId}`, requester);
      expect(answer.body['feedback']).not.toBeNull();
      return answer;
    });

    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      id: caseId,
      status: 'RESOLVED',
      number: expect.any(String),
      acknowledgement: { acknowledgedAt: expect.any(String), expectedFirstResponseAt: expect.any(String), expectedResolutionAt: expect.any(String) },
      subject: '账单金额不对',
      resolution: { resolutionCode: 'REFUNDED', note: 'refunded 30 yuan', knowledgeArticleIds: ['kb-refunds'], resolvedAt: expect.any(String) },
      feedback: { csat: 5, comment: '谢谢', recordedAt: expect.any(String) },
    });
    for (const field of INTERNAL_FIELDS) expect(seen.body).not.toHaveProperty(field);
    const text = JSON.stringify(seen.body);
    for (const staff of [owner, billingClerk.sub, '"complaints"', '"billing"']) expect(text).not.toContain(staff);
  });

  it('the same view answers the requester’s own commands and time travel', async () => {
    const asItWas = await get(`/api/v1/cases/${caseId}?asOf=${encodeURIComponent(clock.now().toISOString())}`, requester);
    expect(asItWas.status).toBe(200);
    for (const field of INTERNAL_FIELDS) expect(asItWas.body).not.toHaveProperty(field);
    const confirmed = await steps.act(caseId, 'confirm', requester);
    expect(confirmed.body).toMatchObject({ status: 'CLOSED' });
    for (const field of INTERNAL_FIELDS) expect(confirmed.body).not.toHaveProperty(field);
  });

  it('the history gives the requester only the events meant for them, without actors, notes, urges or tasks', async () => {
    const answer = await get(`/api/v1/cases/${caseId}/history?limit=200`, requester);
    const events = answer.body['items'] as Record<string, unknown>[];

    expect(answer.status).toBe(200);
    expect(events.map((event) => event['type'])).toEqual(['CaseRegistered', 'CaseWorkStarted', 'CaseResolved', 'FeedbackRecorded', 'CaseClosed']);
    expect(events.every((event) => REQUESTER_EVENTS.has(String(event['type'])))).toBe(true);
    const text = JSON.stringify(answer.body);
    for (const hidden of [STAFF_NOTE, '客户第二次来电', owner, billingClerk.sub, 'actor', 'correlationId', 'TaskNoteAdded', 'TaskUrged', 'PingPongDetected', 'Collaboration']) expect(text).not.toContain(hidden);
  });

  it('pages the requester’s history by the same cursor', async () => {
    const first = await get(`/api/v1/cases/${caseId}/history?limit=2`, requester);
    const second = await get(`/api/v1/cases/${caseId}/history?limit=200&after=${String((first.body['page'] as { next: string }).next)}`, requester);
    expect((first.body['items'] as unknown[]).length).toBe(2);
    expect((second.body['items'] as Record<string, unknown>[]).map((event) => event['type'])).toEqual(['CaseResolved', 'FeedbackRecorded', 'CaseClosed']);
  });

  it('staff views are unchanged: legs, chain, owner, queue and every event', async () => {
    const staffView = await steps.read(caseId, supervisor);
    expect(staffView.body).toMatchObject({ queue: 'complaints', assignee: owner, chain: [expect.objectContaining({ status: 'COMPLETED' })] });
    expect(staffView.body['legs']).toEqual(expect.arrayContaining([expect.objectContaining({})]));
    const types = (await steps.history(caseId)).map((event) => event['type']);
    expect(types).toEqual(expect.arrayContaining(['TaskNoteAdded', 'TaskUrged', 'CollaborationRequested']));
  });
});
