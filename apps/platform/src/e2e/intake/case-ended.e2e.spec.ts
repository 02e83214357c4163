import { randomUUID } from 'node:crypto';
import { AggregateStreams } from '@collab/event-store';
import { HostedServices } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { workflowCaseDecider, workflowCaseStreamId, type ActorRef, type WorkflowCaseCommand, type WorkflowCaseState } from '@collab/workflow-domain';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

/*
 * Intake learns from workflow's CaseClosed, CaseCancelled and CaseReopened when a customer's case
 * ended, so a later contact is not joined to it — neither by the join window nor by its thread —
 * and the case shows as CLOSED or CANCELLED over REST and gRPC. Workflow's lifecycle commands
 * are decided here on workflow's own case streams, as its command handlers do.
 */

const agent: Caller = { sub: 'agent-7', audience: 'INTERNAL', roles: ['agent'] };
const supervisor: ActorRef = { id: 'sup-wang', kind: 'user' };
const requester: ActorRef = { id: 'cust-ended', kind: 'user' };

const contact = (phone: string, overrides: Record<string, unknown> = {}) => ({
  channel: 'email',
  audience: 'EXTERNAL',
  requester: { phone },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元，请核实。',
  region: 'GD-SZ',
  ...overrides,
});

type Answer = Record<string, unknown>;

describe('a case that ended takes no more contacts, embedded platform', () => {
  const clock = new MovableClock();
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
  });
  afterAll(() => platform?.stop());

  const submit = async (body: object): Promise<Answer> => {
    const answer = await platform.call('POST', '/api/v1/contacts', { caller: agent, body });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  const workflowCases = () =>
    new AggregateStreams(platform.app.get(HostedServices).get('workflow')!.store, workflowCaseDecider);

  /**
   * Decides one of workflow's lifecycle commands on the case's stream, once routing has registered
   * it; nothing when `commandFor` has none. Retried on a conflict: workflow's SLA clocks append too.
   */
  const onCase = async (caseId: string, commandFor: (state: WorkflowCaseState) => WorkflowCaseCommand | undefined): Promise<WorkflowCaseState> => {
    const cases = workflowCases();
    const streamId = workflowCaseStreamId(caseId);
    const { state } = await eventually(async () => {
      const loaded = await cases.load(streamId);
      expect(loaded.state.status).not.toBe('none');
      return loaded;
    });
    const command = commandFor(state);
    if (command === undefined) return state;
    const handled = await cases.handle(streamId, command, { now: clock.now() }, { metadata: { correlationId: randomUUID(), actor: supervisor }, retriesOnConflict: 3 });
    return handled.events.reduce(workflowCaseDecider.evolve, handled.state);
  };

  const cancel = (caseId: string) => onCase(caseId, () => ({ type: 'CancelCase', caseId, actor: requester, reason: '客户撤回' }));

  /** Assigned (unless workflow assigned it already), worked, resolved and confirmed; answers its owner. */
  const close = async (caseId: string): Promise<string> => {
    const assigned = await onCase(caseId, (state) =>
      state.status === 'queued'
        ? { type: 'AssignCase', caseId, queue: state.desk.queue, agentId: 'agent-li', actor: supervisor, reason: 'billing skills' }
        : undefined,
    );
    if (assigned.status !== 'assigned') throw new Error(`case ${caseId} is ${assigned.status}, not assigned`);
    const owner: ActorRef = { id: assigned.ownerId, kind: 'user' };
    await onCase(caseId, () => ({ type: 'StartWork', caseId, actor: owner }));
    await onCase(caseId, () => ({ type: 'ResolveCase', caseId, resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: '已退 30 元', actor: owner }));
    await onCase(caseId, () => ({ type: 'ConfirmResolution', caseId, actor: requester }));
    return owner.id;
  };

  const reopen = (caseId: string) => onCase(caseId, () => ({ type: 'ReopenCase', caseId, actor: requester, reason: '又被扣了一次' }));

  /** Waits until intake shows the case in this status and its customer's stream recorded the last change. */
  const intakeShows = async (answer: Answer, status: string, customerEvent: string): Promise<Answer> => {
    const customerId = String(answer['customerId']);
    const intakeStore = platform.app.get(HostedServices).get('intake')!.store;
    return eventually(async () => {
      const listed = await platform.call('GET', `/api/v1/customers/${customerId}/cases`, { caller: agent });
      const shown = (listed.body['cases'] as Answer[]).find((candidate) => candidate['id'] === answer['caseId']);
      expect(shown).toMatchObject({ status });
      const recorded = await intakeStore.readStream(`customer-${customerId}`);
      expect(recorded.at(-1)).toMatchObject({ type: customerEvent, data: { caseId: answer['caseId'] } });
      return shown!;
    });
  };

  it('cancelled: the next contact of the customer in that category, inside the join window, opens a new case', async () => {
    const first = await submit(contact('+8613900000001'));
    await cancel(String(first['caseId']));
    const shown = await intakeShows(first, 'CANCELLED', 'CustomerCaseEnded');
    expect(shown['closedAt']).toEqual(expect.any(String));

    const next = await submit(contact('+8613900000001', { subject: '还是多扣了' }));
    expect(next).toMatchObject({ customerId: first['customerId'], joinedExistingCase: false });
    expect(next['caseId']).not.toBe(first['caseId']);
    expect(next).not.toHaveProperty('joinReason');
    expect(next).not.toHaveProperty('previousCaseId');

    const third = await submit(contact('+8613900000001', { subject: '补充截图' }));
    expect(third).toMatchObject({ caseId: next['caseId'], joinedExistingCase: true, joinReason: 'SAME_CUSTOMER_AND_CATEGORY' });

    const grpc = await platform.intakeGrpc<{ case: { status: string } }>('GetCase', { caseId: first['caseId'] }, agent);
    expect(grpc.response?.case.status).toBe('CASE_STATUS_CANCELLED');
  });

  it('closed: a contact on its thread opens a new case, says which case the thread was on, and the thread follows it', async () => {
    const thread = '<bill-2026-11@example.com>';
    const first = await submit(contact('+8613900000002', { threadRef: thread }));
    const ownerId = await close(String(first['caseId']));
    const shown = await intakeShows(first, 'CLOSED', 'CustomerCaseEnded');
    expect(shown).toMatchObject({ assignee: ownerId, resolvedAt: expect.any(String), closedAt: expect.any(String) });

    const reply = await submit(contact('+8613900000002', { threadRef: thread, subject: 'Re: 账单金额不对' }));
    expect(reply).toMatchObject({ joinedExistingCase: false, previousCaseId: first['caseId'] });
    expect(reply['caseId']).not.toBe(first['caseId']);
    expect(reply).not.toHaveProperty('joinReason');

    const nextReply = await submit(contact('+8613900000002', { threadRef: thread, subject: 'Re: Re: 账单金额不对' }));
    expect(nextReply).toMatchObject({ caseId: reply['caseId'], joinedExistingCase: true, joinReason: 'THREAD' });
    expect(nextReply).not.toHaveProperty('previousCaseId');

    const grpc = await platform.intakeGrpc<{ case: { status: string } }>('GetCase', { caseId: first['caseId'] }, agent);
    expect(grpc.response?.case.status).toBe('CASE_STATUS_CLOSED');
  });

  it('reopened: joins are possible again, by the thread and by the window counted from the reopening', async () => {
    const thread = '<broadband-2026-11@example.com>';
    const first = await submit(contact('+8613900000003', { threadRef: thread, category: 'network/no-signal' }));
    const ownerId = await close(String(first['caseId']));
    await intakeShows(first, 'CLOSED', 'CustomerCaseEnded');

    clock.advanceMinutes(24 * 60 + 1); // past the join window since the case was opened
    await reopen(String(first['caseId']));
    const shown = await intakeShows(first, 'ASSIGNED', 'CustomerCaseReopened');
    expect(shown).toMatchObject({ assignee: ownerId, resolvedAt: null, closedAt: null });

    const byWindow = await submit(contact('+8613900000003', { category: 'network/no-signal', subject: '又断网了' }));
    expect(byWindow).toMatchObject({ caseId: first['caseId'], joinedExistingCase: true, joinReason: 'SAME_CUSTOMER_AND_CATEGORY' });
    const byThread = await submit(contact('+8613900000003', { threadRef: thread, category: 'plan/change', subject: 'Re: 宽带' }));
    expect(byThread).toMatchObject({ caseId: first['caseId'], joinedExistingCase: true, joinReason: 'THREAD' });
  });
});
