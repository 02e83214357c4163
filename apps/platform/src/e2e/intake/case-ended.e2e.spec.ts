import { HostedServices } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type CallResult, type Caller } from '../embedded-platform';

/*
 * Intake learns from workflow's CaseClosed, CaseCancelled and CaseReopened when a customer's case
 * ended, so a later contact is not joined to it — neither by the join window nor by its thread —
 * and the case shows as CLOSED or CANCELLED over REST and gRPC. Everything goes through the public
 * surface: contacts to intake, the lifecycle commands to workflow's /api/v1/cases/{id}/<command>.
 */

const agent: Caller = { sub: 'agent-7', audience: 'INTERNAL', roles: ['agent'] };
const supervisor: Caller = { sub: 'front-line-supervisor', audience: 'INTERNAL', roles: ['supervisor'], unit: 'front-line' };
const admin: Caller = { sub: 'workflow-admin', audience: 'INTERNAL', roles: ['admin'] };
const ownerId = 'agent-li';
const owner: Caller = { sub: ownerId, audience: 'INTERNAL', roles: ['agent'], unit: 'front-line' };

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
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    const queues = ['complaints', 'technical-support', 'front-line'];
    const enrolled = await platform.call('POST', '/api/v1/org/agents', {
      caller: admin,
      body: { id: ownerId, unitId: 'front-line', queues, languages: ['zh', 'en'], capacity: 20, reason: 'joins the team' },
    });
    expect(enrolled.status).toBe(201);
  });
  afterAll(() => platform?.stop());

  const submit = async (body: object): Promise<Answer> => {
    const answer = await platform.call('POST', '/api/v1/contacts', { caller: agent, body });
    expect(answer.status).toBe(201);
    return answer.body;
  };

  const act = async (caseId: string, command: string, caller: Caller, body?: object): Promise<CallResult> => {
    const answer = await platform.call('POST', `/api/v1/cases/${caseId}/${command}`, { caller, ...(body === undefined ? {} : { body }) });
    if (answer.status !== 200) throw new Error(`${command} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer;
  };

  /** The case as workflow shows it, once routing has put it in a queue. */
  const routed = (caseId: string): Promise<Answer> =>
    eventually(async () => {
      const read = await platform.call('GET', `/api/v1/cases/${caseId}`, { caller: supervisor });
      expect(read).toMatchObject({ status: 200, body: { queue: expect.any(String) } });
      return read.body;
    });

  const cancel = async (caseId: string): Promise<void> => {
    await routed(caseId);
    await act(caseId, 'cancel', supervisor, { reason: '客户撤回' });
  };

  /** Assigned to the owner (unless workflow already gave it an owner), worked, resolved and confirmed. */
  const close = async (caseId: string): Promise<string> => {
    const shown = await routed(caseId);
    if (shown['assignee'] === null) await act(caseId, 'assign', supervisor, { agentId: ownerId, reason: 'knows billing complaints' });
    const assignee = String((await routed(caseId))['assignee']);
    const worker: Caller = { ...owner, sub: assignee };
    await act(caseId, 'start', worker);
    await act(caseId, 'resolve', worker, { resolutionCode: 'REFUNDED', note: '已退 30 元' });
    await act(caseId, 'confirm', supervisor);
    return assignee;
  };

  const reopen = (caseId: string) => act(caseId, 'reopen', supervisor, { reason: '又被扣了一次' });

  /**
   * Waits until intake shows the case in this status and its customer's stream recorded the change:
   * two independent consumers of workflow's log, so the status alone does not say placement knows.
   */
  const intakeShows = async (answer: Answer, status: string, customerEvent: string): Promise<Answer> => {
    const customerId = String(answer['customerId']);
    const intakeStore = platform.app.get(HostedServices).get('intake')!.store;
    return eventually(async () => {
      const listed = await platform.call('GET', `/api/v1/customers/${customerId}/cases`, { caller: agent });
      const shown = (listed.body['items'] as Answer[]).find((candidate) => candidate['id'] === answer['caseId']);
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
    const closedBy = await close(String(first['caseId']));
    const shown = await intakeShows(first, 'CLOSED', 'CustomerCaseEnded');
    expect(shown).toMatchObject({ assignee: closedBy, resolvedAt: expect.any(String), closedAt: expect.any(String) });

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
    const closedBy = await close(String(first['caseId']));
    await intakeShows(first, 'CLOSED', 'CustomerCaseEnded');

    clock.advanceMinutes(24 * 60 + 1); // past the join window since the case was opened
    await reopen(String(first['caseId']));
    const shown = await intakeShows(first, 'ASSIGNED', 'CustomerCaseReopened');
    expect(shown).toMatchObject({ assignee: closedBy, resolvedAt: null, closedAt: null });

    const byWindow = await submit(contact('+8613900000003', { category: 'network/no-signal', subject: '又断网了' }));
    expect(byWindow).toMatchObject({ caseId: first['caseId'], joinedExistingCase: true, joinReason: 'SAME_CUSTOMER_AND_CATEGORY' });
    const byThread = await submit(contact('+8613900000003', { threadRef: thread, category: 'plan/change', subject: 'Re: 宽带' }));
    expect(byThread).toMatchObject({ caseId: first['caseId'], joinedExistingCase: true, joinReason: 'THREAD' });
  });
});
