import { status } from '@grpc/grpc-js';
import { CHANNEL_KINDS, DEFAULT_CHANNELS, type ChannelKind } from '@collab/intake-domain';
import { eventually, TEST_MONDAY_MORNING, type PlatformPaths } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

const agent: Caller = { sub: 'agent-7', audience: 'INTERNAL', roles: ['agent'] };
const customer = (sub: string): Caller => ({ sub, audience: 'EXTERNAL' });
const appChannel: Caller = { sub: 'channel-app', audience: 'EXTERNAL', roles: ['channel'] };

type ContactBody = PlatformPaths['/api/v1/contacts']['post']['requestBody']['content']['application/json'];

const contact = (overrides: Partial<ContactBody> = {}): ContactBody => ({
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: 'cust-100', phone: '+8613800138000' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元，请核实。',
  region: 'GD-SZ',
  ...overrides,
});

const CASE_NUMBER = /^[A-Z0-9-]+-\d{8}-\d{6}$/;

describe('submitting contacts (统一接入), embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
  });
  afterAll(() => platform?.stop());

  // Through the client generated from the OpenAPI document: `body` is the documented answer.
  const submit = async (body: ContactBody, caller: Caller = customer('cust-100'), headers: Record<string, string> = {}) => {
    const { data, response } = await platform.api(caller).POST('/api/v1/contacts', { body, params: { header: headers } });
    return { status: response.status, contentType: response.headers.get('content-type'), body: data };
  };

  const casesOf = async (customerId: string, caller: Caller = agent) => {
    const { data, response } = await platform.api(caller).GET('/api/v1/customers/{id}/cases', { params: { path: { id: customerId } } });
    expect(response.status).toBe(200);
    return data?.items ?? [];
  };

  describe('one contact per channel kind', () => {
    const defaultChannelOf = (kind: ChannelKind) => DEFAULT_CHANNELS.find((channel) => channel.kind === kind)!;

    it.each(CHANNEL_KINDS)('%s: opens a case, numbered and acknowledged, recorded with its channel', async (kind) => {
      const channel = defaultChannelOf(kind);
      const audience = channel.audiences[0]!;
      const requester = { id: `cust-${kind.toLowerCase()}`, ...(audience === 'PARTNER' ? { partner: 'reseller-a' } : {}), ...(audience === 'INTERNAL' ? { unit: 'hr' } : {}) };
      const answer = await submit(contact({ channel: channel.channelId, audience, requester, subject: `Contact via ${kind}`, description: 'Please call me back.' }), { sub: requester.id, audience, ...(audience === 'PARTNER' ? { partner: 'reseller-a', roles: ['partner-agent'] } : {}) });

      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ status: 'ACKNOWLEDGED', joinedExistingCase: false, caseNumber: expect.stringMatching(CASE_NUMBER) });
      const acknowledgement = answer.body!.acknowledgement;
      expect(Date.parse(acknowledgement.expectedFirstResponseAt)).toBeGreaterThan(Date.parse(acknowledgement.acknowledgedAt));
      expect(Date.parse(acknowledgement.expectedResolutionAt)).toBeGreaterThanOrEqual(Date.parse(acknowledgement.expectedFirstResponseAt));
      await eventually(async () => {
        const [recorded] = await casesOf(String(answer.body?.customerId));
        expect(recorded).toMatchObject({ id: answer.body?.caseId, channel: channel.channelId, channelKind: kind, number: answer.body?.caseNumber });
      });
    });
  });

  describe('normalisation', () => {
    it('writes phones in E.164 and emails in lower case, and knows the customer across channels by them', async () => {
      const byPhone = await submit(contact({ channel: 'phone', requester: { phone: '138 0013 8111' }, category: 'network/no-signal' }), agent);
      const byEmail = await submit(contact({ channel: 'email', requester: { email: 'Liu.Yang@Example.COM', phone: '+86 138-0013-8111' }, category: 'plan/change' }), agent);
      const byEmailAlone = await submit(contact({ channel: 'web', requester: { email: 'liu.yang@example.com' }, category: 'sim/activation' }), agent);

      expect(byEmail.body?.customerId).toBe(byPhone.body?.customerId);
      expect(byEmailAlone.body?.customerId).toBe(byPhone.body?.customerId);
      await eventually(async () => {
        const cases = await casesOf(String(byPhone.body?.customerId));
        expect(cases.map((c) => c['requester'])).toEqual(
          expect.arrayContaining([{ phone: '+8613800138111' }, { email: 'liu.yang@example.com', phone: '+8613800138111' }]),
        );
      });
    });

    it.each([
      ['zh-Hans', '宽带断网了', '从昨天晚上开始家里的宽带一直连不上，请尽快派人维修。'],
      ['zh-Hant', '寬頻斷線了', '從昨天晚上開始家裡的寬頻一直連不上，請盡快派人維修。'],
      ['ja', 'インターネットが繋がりません', '昨日の夜から自宅の光回線が繋がらないので、修理をお願いします。'],
      ['fi', 'Laajakaista ei toimi', 'Kotini laajakaista on ollut poikki eilisillasta asti. Voisitteko lähettää asentajan?'],
      ['en', 'Broadband is down', 'My home broadband has been down since last night, could you send someone to fix it?'],
    ])('detects %s when the channel sends no language, and keeps the text byte-exact after NFC', async (language, subject, description) => {
      const decomposed = { subject: ` ${subject.normalize('NFD')} `, description: description.normalize('NFD') };
      const sub = `cust-lang-${language}`;
      const answer = await submit(contact({ requester: { id: sub }, category: 'network/slow-internet', ...decomposed }), customer(sub));
      expect(answer.status).toBe(201);

      const found = await eventually(() => platform.intakeGrpc<{ case: Record<string, unknown> }>('GetCase', { caseId: answer.body?.caseId }, customer(sub)).then((result) => {
        if (result.error) throw result.error;
        return result.response!.case;
      }));
      expect(found['language']).toBe(language);
      expect(Buffer.from(String(found['subject']))).toEqual(Buffer.from(subject.normalize('NFC')));
      expect(Buffer.from(String(found['description']))).toEqual(Buffer.from(description.normalize('NFC')));
    });
  });

  describe('idempotency', () => {
    it('answers 20 concurrent identical requests with one key with the same case, and opens exactly one', async () => {
      const body = contact({ requester: { id: 'cust-idem' }, category: 'billing/refund', subject: 'Refund please' });
      const answers = await Promise.all(Array.from({ length: 20 }, () => submit(body, customer('cust-idem'), { 'idempotency-key': 'refund-2026-11-23-001' })));

      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
      expect(new Set(answers.map((answer) => answer.body?.caseId)).size).toBe(1);
      expect(new Set(answers.map((answer) => answer.body?.contactId)).size).toBe(1);
      await eventually(async () => expect(await casesOf(String(answers[0]!.body?.customerId))).toHaveLength(1));
      const [recorded] = await casesOf(String(answers[0]!.body?.customerId));
      expect(recorded).toMatchObject({ contacts: 1 });
    });

    it('refuses the same key with another body with 409, and stores nothing', async () => {
      const key = { 'idempotency-key': 'plan-change-42' };
      const first = await submit(contact({ requester: { id: 'cust-409' }, category: 'plan/change' }), customer('cust-409'), key);
      const head = await platform.intakeHead();
      const second = await submit(contact({ requester: { id: 'cust-409' }, category: 'plan/change', subject: 'Another subject' }), customer('cust-409'), key);

      expect(first.status).toBe(201);
      expect(second.status).toBe(409);
      expect(second.contentType).toContain('application/problem+json');
      expect(await platform.intakeHead()).toBe(head);
    });

    it('keeps keys per caller: the same key from two callers is two requests', async () => {
      const key = { 'idempotency-key': 'shared-key-1' };
      const a = await submit(contact({ requester: { id: 'cust-k1' }, category: 'account/password' }), customer('cust-k1'), key);
      const b = await submit(contact({ requester: { id: 'cust-k2' }, category: 'account/password' }), customer('cust-k2'), key);
      expect(a.body?.caseId).not.toBe(b.body?.caseId);
    });

    it('over gRPC: the same request_id answers the same case; with another body, ALREADY_EXISTS', async () => {
      const request = {
        requestId: 'partner-ticket-881', channel: 'partner-api', audience: 'AUDIENCE_PARTNER', requestType: 'REQUEST_TYPE_FAULT',
        requester: { id: 'reseller-staff-1', partner: 'reseller-a' }, category: 'network/no-signal', subject: 'Base station down', description: 'Customers report no signal in Nanshan.', region: 'GD-SZ',
      };
      const partner: Caller = { sub: 'reseller-staff-1', audience: 'PARTNER', partner: 'reseller-a', roles: ['partner-agent'] };
      const first = await platform.intakeGrpc<Record<string, unknown>>('SubmitContact', request, partner);
      const again = await platform.intakeGrpc<Record<string, unknown>>('SubmitContact', request, partner);
      const other = await platform.intakeGrpc('SubmitContact', { ...request, subject: 'Something else' }, partner);

      expect(first.response).toMatchObject({ status: 'CASE_STATUS_ACKNOWLEDGED', caseNumber: expect.stringMatching(CASE_NUMBER) });
      expect(again.response?.['caseId']).toBe(first.response?.['caseId']);
      expect(other.error?.code).toBe(status.ALREADY_EXISTS);
    });
  });

  describe('threading and de-duplication', () => {
    it('joins the open case of its thread, and the answer says which case', async () => {
      const opened = await submit(contact({ channel: 'email', requester: { email: 'a@example.fi' }, threadRef: '<msg-1@example.fi>', category: 'billing/invoice', language: 'fi', subject: 'Lasku', description: 'Laskussa on virhe.' }), agent);
      const reply = await submit(contact({ channel: 'email', requester: { email: 'a@example.fi' }, threadRef: '<msg-1@example.fi>', category: 'plan/change', language: 'fi', subject: 'Re: Lasku', description: 'Lisätietoja.' }), agent);

      expect(reply.body).toMatchObject({ caseId: opened.body?.caseId, caseNumber: opened.body?.caseNumber, customerId: opened.body?.customerId, joinedExistingCase: true, joinReason: 'THREAD' });
      expect(reply.body?.acknowledgement).toEqual(opened.body?.acknowledgement);
    });

    it('joins the same customer\'s open case in the same category within the window, on any channel', async () => {
      // The app's backend vouches for the phone (a customer's own token would not make it an identity).
      const first = await submit(contact({ channel: 'app', requester: { id: 'cust-dup', phone: '+8613900139000' }, category: 'network/slow-internet' }), appChannel);
      const second = await submit(contact({ channel: 'phone', requester: { phone: '+8613900139000' }, category: 'network/slow-internet' }), agent);
      const otherCategory = await submit(contact({ channel: 'app', requester: { id: 'cust-dup' }, category: 'billing/refund' }), customer('cust-dup'));

      expect(second.body).toMatchObject({ caseId: first.body?.caseId, joinedExistingCase: true, joinReason: 'SAME_CUSTOMER_AND_CATEGORY' });
      expect(otherCategory.body).toMatchObject({ joinedExistingCase: false });
      expect(otherCategory.body?.caseId).not.toBe(first.body?.caseId);
      await eventually(async () => {
        const cases = await casesOf(String(first.body?.customerId));
        expect(cases.find((c) => c['id'] === first.body?.caseId)).toMatchObject({ contacts: 2 });
      });
    });

    it('opens a new case once the window (24 h by default) has passed', async () => {
      const first = await submit(contact({ requester: { id: 'cust-window' }, category: 'sim/replacement' }), customer('cust-window'));
      clock.advanceMinutes(24 * 60 + 1);
      const later = await submit(contact({ requester: { id: 'cust-window' }, category: 'sim/replacement' }), customer('cust-window'));

      expect(later.body?.joinedExistingCase).toBe(false);
      expect(later.body?.caseId).not.toBe(first.body?.caseId);
    });
  });

  describe('reading', () => {
    it('shows a requester only their own cases, and answers another\'s case as not found', async () => {
      const mine = await submit(contact({ requester: { id: 'cust-own' }, category: 'billing/invoice' }), customer('cust-own'));
      const customerId = String(mine.body?.customerId);

      await eventually(async () => expect(await casesOf('me', customer('cust-own'))).toHaveLength(1));
      expect(await casesOf(customerId, customer('cust-stranger'))).toEqual([]);
      const stranger = await platform.intakeGrpc('GetCase', { caseId: mine.body?.caseId }, customer('cust-stranger'));
      expect(stranger.error?.code).toBe(status.NOT_FOUND);
      const own = await platform.intakeGrpc<{ case: Record<string, unknown> }>('GetCase', { caseId: mine.body?.caseId }, customer('cust-own'));
      expect(own.response?.case).toMatchObject({ id: mine.body?.caseId, number: mine.body?.caseNumber });
    });

    it('shows workflow\'s progress: the status to the requester, and to staff the queue the case was routed to', async () => {
      const answer = await submit(contact({ requester: { id: 'cust-progress' }, category: 'billing/wrong-charge' }), customer('cust-progress'));
      await eventually(async () => {
        const [recorded] = await casesOf(String(answer.body?.customerId));
        expect(recorded).toMatchObject({ id: answer.body?.caseId, status: 'QUEUED', queue: expect.any(String) });
      }, { timeoutMs: 30_000 });
      const [own] = await casesOf('me', customer('cust-progress'));
      expect(own).toMatchObject({ id: answer.body?.caseId, status: 'QUEUED', queue: null, assignee: null });
      const overGrpc = await platform.intakeGrpc<{ case: Record<string, unknown> }>('GetCase', { caseId: answer.body?.caseId }, customer('cust-progress'));
      expect(overGrpc.response?.case).toMatchObject({ status: 'CASE_STATUS_QUEUED', queue: '', assignee: '' });
    });

    it('answers a malformed case id with INVALID_ARGUMENT and an unknown customer list as empty', async () => {
      const malformed = await platform.intakeGrpc('GetCase', { caseId: 'not-a-uuid' }, agent);
      expect(malformed.error?.code).toBe(status.INVALID_ARGUMENT);
      expect(await casesOf('00000000-0000-4000-8000-000000000000')).toEqual([]);
      expect((await platform.call('GET', '/api/v1/customers/nobody/cases', { caller: agent })).status).toBe(400);
    });
  });
});
