import { TEST_MONDAY_MORNING, eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type CallResult } from '../embedded-platform';
import { admin, customer, supervisor } from '../workflow/lifecycle-steps';

type Entry = Record<string, unknown>;

/*
 * The audit query (issue 13): who did what, when and from where, across the services, from the
 * metadata every published event carries — an administrator's own changes included.
 */
describe('the audit trail over the admin API, embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;

  const audit = (query: string, caller = admin): Promise<CallResult> => platform.call('GET', `/api/v1/admin/audit${query}`, { caller });
  const itemsOf = (answer: CallResult): Entry[] => answer.body['items'] as Entry[];

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
  });
  afterAll(() => platform?.stop());

  describe('given a customer submitted a contact and, later, an administrator changed a parameter', () => {
    let caseId: string;
    let changedAt: string;

    beforeAll(async () => {
      const submitted = await platform.call('POST', '/api/v1/contacts', {
        caller: customer('cust-audited'),
        headers: { 'user-agent': 'collab-app/3.1 (Android 14)' },
        body: {
          channel: 'app', audience: 'EXTERNAL', requester: { id: 'cust-audited' }, requestType: 'COMPLAINT', category: 'billing/wrong-charge',
          subject: '账单金额不对', description: '本月账单多扣了 30 元。', language: 'zh-Hans', region: 'GD-SZ',
        },
      });
      expect(submitted.status).toBe(201);
      caseId = String(submitted.body['caseId']);
      clock.advanceMinutes(5);
      changedAt = clock.now().toISOString();
      const changed = await platform.call('PUT', '/api/v1/admin/parameters/pingPongMaxBounces', {
        caller: admin,
        headers: { 'user-agent': 'admin-console/1.0', 'x-correlation-id': 'audit-e2e-change' },
        body: { value: 3, expectedVersion: 0, reason: 'two bounces are normal for billing' },
      });
      expect(changed.status).toBe(200);
    });

    it("shows the administrator's change: who, what, when and from where", async () => {
      await eventually(async () => expect(itemsOf(await audit(`?actor=user:${admin.sub}`))).toHaveLength(1));
      expect(itemsOf(await audit(`?actor=user:${admin.sub}`))[0]).toEqual({
        eventId: expect.any(String),
        service: 'workflow',
        type: 'SystemParameterChanged',
        subject: 'system-parameter-pingPongMaxBounces',
        at: expect.any(String),
        actor: `user:${admin.sub}`,
        via: null,
        from: { address: expect.stringMatching(/127\.0\.0\.1|::1/), userAgent: 'admin-console/1.0' },
        correlationId: 'audit-e2e-change',
      });
      expect(String(itemsOf(await audit(`?actor=user:${admin.sub}`))[0]?.['at']) >= changedAt).toBe(true);
    });

    it("follows the customer's contact across intake and workflow, the services' reactions named as going through them", async () => {
      await eventually(async () =>
        expect(new Set(itemsOf(await audit('?actor=cust-audited')).map((entry) => entry['service']))).toEqual(new Set(['intake', 'workflow'])),
      );
      const trail = itemsOf(await audit('?actor=cust-audited&limit=200'));
      expect(trail).toEqual(expect.arrayContaining([
        expect.objectContaining({ service: 'intake', type: 'CaseOpened', subject: `case-${caseId}`, actor: expect.stringMatching(/:cust-audited$/), via: null,
          from: { address: expect.any(String), userAgent: 'collab-app/3.1 (Android 14)' } }),
        expect.objectContaining({ service: 'workflow', actor: expect.stringMatching(/:cust-audited$/), via: expect.stringMatching(/^service:workflow\./) }),
      ]));
    });

    it('filters by service and time range, newest first', async () => {
      const sinceTheChange = itemsOf(await audit(`?from=${encodeURIComponent(changedAt)}&limit=200`));
      expect(sinceTheChange.map((entry) => entry['type'])).toContain('SystemParameterChanged');
      expect(sinceTheChange.every((entry) => String(entry['at']) >= changedAt)).toBe(true);
      const intakeOnly = itemsOf(await audit('?service=intake&limit=200'));
      expect(intakeOnly.length).toBeGreaterThan(0);
      expect(intakeOnly.every((entry) => entry['service'] === 'intake')).toBe(true);
      const times = intakeOnly.map((entry) => String(entry['at']));
      expect(times).toEqual([...times].sort().reverse());
      expect(itemsOf(await audit(`?to=${encodeURIComponent(TEST_MONDAY_MORNING)}&service=workflow`))).toEqual([]);
    });

    it('pages through the trail with the one list envelope, each entry once', async () => {
      const all = itemsOf(await audit('?limit=200'));
      const seen: Entry[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page++) {
        const answer: CallResult = await audit(`?limit=2${after === null ? '' : `&after=${after}`}`);
        expect(answer.status).toBe(200);
        seen.push(...itemsOf(answer));
        after = (answer.body['page'] as { next: string | null }).next;
        if (after === null) break;
      }
      expect(seen.map((entry) => entry['eventId'])).toEqual(all.map((entry) => entry['eventId']));
    });
  });

  it('is for administrators only', async () => {
    expect((await audit('', supervisor)).status).toBe(403);
    expect((await audit('', customer('cust-audited'))).status).toBe(403);
  });

  it.each([
    ['?service=billing', 'service'],
    ['?from=yesterday', 'from'],
    ['?limit=0', 'limit'],
    ['?after=not%20a%20cursor', 'after'],
    ['?actor=a%00b', 'actor'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const answer = await audit(query);
    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
