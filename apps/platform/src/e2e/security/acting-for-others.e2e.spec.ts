import { status } from '@grpc/grpc-js';
import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

const customer = (sub: string): Caller => ({ sub, audience: 'EXTERNAL' });
const appChannel: Caller = { sub: 'channel-app', audience: 'EXTERNAL', roles: ['channel'] };
const agent: Caller = { sub: 'agent-7', audience: 'INTERNAL', roles: ['agent'] };
const resellerAgent: Caller = { sub: 'reseller-staff-1', audience: 'PARTNER', partner: 'reseller-a', roles: ['partner-agent'] };

const A_PHONE = '+8613700137000';
const A_THREAD = '<chat-a-1@app>';

const contact = (overrides: Record<string, unknown> = {}) => ({
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: 'cust-a' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元，请核实。',
  region: 'GD-SZ',
  ...overrides,
});

/** Customer B tries to act for customer A: nobody acts for someone else (issue 13). */
describe('a customer speaks only for itself, embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  let aCase: Record<string, unknown>;

  const submit = (body: object, caller: Caller) => platform.call('POST', '/api/v1/contacts', { caller, body });
  const casesOfA = async () => {
    const listed = await platform.call('GET', '/api/v1/customers/me/cases', { caller: customer('cust-a') });
    return listed.body['items'] as Record<string, unknown>[];
  };

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    // A's case, with A's phone vouched for by the app's backend and a chat thread of A's.
    const opened = await submit(contact({ requester: { id: 'cust-a', phone: A_PHONE }, threadRef: A_THREAD }), appChannel);
    expect(opened.status).toBe(201);
    aCase = opened.body;
    await eventually(async () => expect(await casesOfA()).toEqual([expect.objectContaining({ id: aCase['caseId'], contacts: 1 })]));
  });
  afterAll(() => platform?.stop());

  it.each<[string, Record<string, unknown>, string]>([
    ["A's customer id", { requester: { id: 'cust-a' } }, 'requester.id'],
    ['the INTERNAL audience', { audience: 'INTERNAL', requester: { id: 'cust-b' } }, 'audience'],
    ['the PARTNER audience', { audience: 'PARTNER', channel: 'partner-api', requester: { id: 'cust-b', partner: 'reseller-a' } }, 'audience'],
    ["a partner's requester", { requester: { id: 'cust-b', partner: 'reseller-a' } }, 'requester.partner'],
  ])('refuses B claiming %s with 403 problem details, and stores nothing', async (_claim, overrides, field) => {
    const head = await platform.intakeHead();
    const refused = await submit(contact(overrides), customer('cust-b'));

    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    expect(String(refused.body['detail'])).toContain(field);
    expect(await platform.intakeHead()).toBe(head);
  });

  it("does not let A's phone make B into A: B's contact opens B's own case, and A's case and list are untouched", async () => {
    const answer = await submit(contact({ requester: { phone: A_PHONE } }), customer('cust-b'));

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ joinedExistingCase: false });
    expect(answer.body['caseId']).not.toBe(aCase['caseId']);
    expect(answer.body['customerId']).not.toBe(aCase['customerId']);
    const mine = await platform.call('GET', '/api/v1/customers/me/cases', { caller: customer('cust-b') });
    await eventually(async () => {
      const listed = await platform.call('GET', '/api/v1/customers/me/cases', { caller: customer('cust-b') });
      expect(listed.body['items']).toEqual([expect.objectContaining({ id: answer.body['caseId'] })]);
    });
    expect(mine.status).toBe(200);
    expect(await casesOfA()).toEqual([expect.objectContaining({ id: aCase['caseId'], contacts: 1 })]);
  });

  it("keeps A's thread A's: B's contact with A's threadRef opens B's own case and its answer looks like any new thread's", async () => {
    const onAsThread = await submit(contact({ requester: { id: 'cust-c' }, threadRef: A_THREAD, category: 'plan/change' }), customer('cust-c'));
    const onNewThread = await submit(contact({ requester: { id: 'cust-d' }, threadRef: '<chat-d-1@app>', category: 'plan/change' }), customer('cust-d'));

    expect(onAsThread.status).toBe(201);
    expect(Object.keys(onAsThread.body).sort()).toEqual(Object.keys(onNewThread.body).sort());
    expect(onAsThread.body).toMatchObject({ joinedExistingCase: false });
    const answer = JSON.stringify(onAsThread.body);
    expect(answer).not.toContain(String(aCase['caseId']));
    expect(answer).not.toContain(String(aCase['customerId']));
    expect(answer).not.toContain(String(aCase['caseNumber']));
    expect(await casesOfA()).toEqual([expect.objectContaining({ id: aCase['caseId'], contacts: 1 })]);
    // A's own next contact on the thread still finds A's case.
    const again = await submit(contact({ threadRef: A_THREAD, category: 'plan/change' }), customer('cust-a'));
    expect(again.body).toMatchObject({ caseId: aCase['caseId'], joinedExistingCase: true, joinReason: 'THREAD' });
  });

  it('takes a missing requester id from the token', async () => {
    const answer = await submit(contact({ requester: { email: 'e@example.com' }, category: 'sim/activation' }), customer('cust-e'));
    expect(answer.status).toBe(201);
    await eventually(async () => {
      const listed = await platform.call('GET', '/api/v1/customers/me/cases', { caller: customer('cust-e') });
      expect(listed.body['items']).toEqual([expect.objectContaining({ id: answer.body['caseId'], requester: expect.objectContaining({ id: 'cust-e' }) })]);
    });
  });

  it("lets a channel and staff submit on A's behalf", async () => {
    const byChannel = await submit(contact({ requester: { id: 'cust-a' }, category: 'account/password' }), appChannel);
    const byAgent = await submit(contact({ channel: 'phone', requester: { phone: A_PHONE }, category: 'account/password' }), agent);

    expect(byChannel.status).toBe(201);
    expect(byAgent.body).toMatchObject({ caseId: byChannel.body['caseId'], customerId: aCase['customerId'], joinedExistingCase: true });
  });

  it("lets partner staff submit for their partner's customers, never for another partner or as INTERNAL", async () => {
    const partnerContact = (overrides: Record<string, unknown>) => contact({ channel: 'partner-api', audience: 'PARTNER', category: 'network/no-signal', ...overrides });
    const own = await submit(partnerContact({ requester: { id: 'reseller-cust-1', partner: 'reseller-a' } }), resellerAgent);
    const other = await submit(partnerContact({ requester: { id: 'reseller-cust-2', partner: 'reseller-b' } }), resellerAgent);
    const internal = await submit(partnerContact({ audience: 'INTERNAL', channel: 'app', requester: { id: 'emp-1' } }), resellerAgent);

    expect(own.status).toBe(201);
    expect([other.status, internal.status]).toEqual([403, 403]);
  });

  it("never lets partner staff reach a customer who is not their partner's by naming the id or phone", async () => {
    const before = (await casesOfA()).length;
    const named = await submit(contact({ channel: 'partner-api', audience: 'PARTNER', requester: { id: 'cust-a', phone: A_PHONE } }), resellerAgent);

    expect(named.status).toBe(201);
    expect(named.body['customerId']).not.toBe(aCase['customerId']);
    expect(named.body['caseId']).not.toBe(aCase['caseId']);
    expect(named.body['joinedExistingCase']).toBe(false);
    expect((await casesOfA()).length).toBe(before);
  });

  it('admits no role the policy does not know: a "wizard" speaks only for itself, and is no staff', async () => {
    const wizard: Caller = { sub: 'wizard-1', audience: 'INTERNAL', roles: ['wizard'] };
    const forA = await submit(contact({ audience: 'INTERNAL', requester: { id: 'cust-a' } }), wizard);
    const workbench = await platform.call('GET', '/api/v1/workbench', { caller: wizard });
    const tasks = await platform.call('GET', '/api/v1/tasks', { caller: wizard });
    const aCaseAsWizard = await platform.call('GET', `/api/v1/cases/${String(aCase['caseId'])}`, { caller: wizard });

    expect([forA.status, workbench.status, tasks.status]).toEqual([403, 403, 403]);
    expect(aCaseAsWizard.status).toBe(404);
  });

  describe('over gRPC, the same rules', () => {
    const grpcContact = (requester: Record<string, string>, audience = 'AUDIENCE_EXTERNAL') => ({
      channel: 'app', audience, requestType: 'REQUEST_TYPE_COMPLAINT', requester,
      category: 'billing/wrong-charge', subject: '账单金额不对', description: '多扣了 30 元', region: 'GD-SZ',
    });

    it("refuses B speaking for A or in another audience with PERMISSION_DENIED, and stores nothing", async () => {
      const head = await platform.intakeHead();
      const forA = await platform.intakeGrpc('SubmitContact', grpcContact({ id: 'cust-a' }), customer('cust-b'));
      const internal = await platform.intakeGrpc('SubmitContact', grpcContact({ id: 'cust-b' }, 'AUDIENCE_INTERNAL'), customer('cust-b'));

      expect(forA.error?.code).toBe(status.PERMISSION_DENIED);
      expect(forA.error?.details).toContain('requester.id');
      expect(internal.error?.code).toBe(status.PERMISSION_DENIED);
      expect(await platform.intakeHead()).toBe(head);
    });

    it("keeps A's phone from making B into A", async () => {
      const answer = await platform.intakeGrpc<Record<string, unknown>>('SubmitContact', grpcContact({ phone: A_PHONE }), customer('cust-f'));
      expect(answer.response?.['caseId']).not.toBe(aCase['caseId']);
      expect(answer.response).toMatchObject({ joinedExistingCase: false });
    });

    it('gives an unknown role no right to speak for others', async () => {
      const head = await platform.intakeHead();
      const wizard = await platform.intakeGrpc('SubmitContact', grpcContact({ id: 'cust-a' }, 'AUDIENCE_INTERNAL'), { sub: 'w', audience: 'INTERNAL', roles: ['wizard'] });
      expect(wizard.error?.code).toBe(status.PERMISSION_DENIED);
      expect(await platform.intakeHead()).toBe(head);
    });
  });
});
