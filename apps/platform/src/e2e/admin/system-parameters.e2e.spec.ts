import { TEST_MONDAY_MORNING, eventually } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type CallResult } from '../embedded-platform';
import { LifecycleSteps, admin, customer, supervisor } from '../workflow/lifecycle-steps';

/*
 * System parameters (系统参数, issue 13): an administrator changes them through the admin API, each
 * change an audited event, and new decisions use the new value at once — in workflow, which keeps
 * them, and in intake, which learns its join window from workflow's event.
 */
describe('system parameters over the admin API, embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  let steps: LifecycleSteps;

  const parameters = async (): Promise<Record<string, Record<string, unknown>>> => {
    const answer = await platform.call('GET', '/api/v1/admin/parameters', { caller: admin });
    expect(answer.status).toBe(200);
    const items = answer.body['items'] as Record<string, unknown>[];
    return Object.fromEntries(items.map((item) => [String(item['name']), item]));
  };
  const change = (name: string, body: Record<string, unknown>, caller = admin): Promise<CallResult> =>
    platform.call('PUT', `/api/v1/admin/parameters/${name}`, { caller, body });

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    steps = new LifecycleSteps(platform);
    await steps.enrolAgent('agent-ann', 'complaints', 0);
  });
  afterAll(() => platform?.stop());

  it('lists every parameter in the one list envelope, at its configured value and version 0', async () => {
    const answer = await platform.call('GET', '/api/v1/admin/parameters', { caller: admin });
    expect(answer.body['page']).toEqual({ limit: 50, next: null, total: 4 });
    expect(await parameters()).toMatchObject({
      joinWindowMinutes: { value: 1440, configured: 1440, owner: 'intake', version: 0, changedBy: null },
      autoCloseMinutes: { value: 4320, owner: 'workflow', version: 0 },
      reopenWindowMinutes: { value: 10_080, min: 1, max: 525_600, version: 0 },
      pingPongMaxBounces: { value: 2, unitOfMeasure: 'bounces', version: 0 },
    });
  });

  it('is for administrators only', async () => {
    expect((await platform.call('GET', '/api/v1/admin/parameters', { caller: supervisor })).status).toBe(403);
    expect((await change('reopenWindowMinutes', { value: 60, expectedVersion: 0 }, supervisor)).status).toBe(403);
    expect((await change('reopenWindowMinutes', { value: 60, expectedVersion: 0 }, customer('cust-x'))).status).toBe(403);
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['a value out of range', 'pingPongMaxBounces', { value: 51, expectedVersion: 0 }, 'value'],
    ['a fraction', 'autoCloseMinutes', { value: 1.5, expectedVersion: 0 }, 'value'],
    ['no expectedVersion', 'autoCloseMinutes', { value: 60 }, 'expectedVersion'],
    ['a blank reason', 'autoCloseMinutes', { value: 60, expectedVersion: 0, reason: ' ' }, 'reason'],
    ['a malformed name', 'reopen-window', { value: 60, expectedVersion: 0 }, 'name'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_, name, body, field) => {
    const answer = await change(name, body);
    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect((await parameters())['autoCloseMinutes']).toMatchObject({ version: 0 });
  });

  it('answers 404 for a parameter it does not have', async () =>
    expect((await change('escalationMood', { value: 1, expectedVersion: 0 })).status).toBe(404));

  describe('given the reopen window shortened to an hour', () => {
    it('refuses a reopening after the hour, and names who changed it', async () => {
      const changed = await change('reopenWindowMinutes', { value: 60, expectedVersion: 0, reason: '投诉处理规定 2026-12' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ name: 'reopenWindowMinutes', value: 60, configured: 10_080, version: 1, changedBy: admin.sub, reason: '投诉处理规定 2026-12' });

      const closed = await steps.caseAt('closed', 'cust-late', 'agent-ann');
      clock.advanceMinutes(61);
      const refused = await steps.act(closed, 'reopen', customer('cust-late'), { reason: 'forgot to say' });
      expect(refused.status).toBe(409);
      expect(String(refused.body['detail'])).toContain('reopen window');
    });

    it('still lets a requester reopen within the hour', async () => {
      const closed = await steps.caseAt('closed', 'cust-prompt', 'agent-ann');
      clock.advanceMinutes(30);
      expect((await steps.act(closed, 'reopen', customer('cust-prompt'), { reason: 'still wrong' })).status).toBe(200);
    });

    it('refuses a change made on the version before (another change came first)', async () => {
      const stale = await change('reopenWindowMinutes', { value: 120, expectedVersion: 0 });
      expect(stale.status).toBe(409);
      expect((await parameters())['reopenWindowMinutes']).toMatchObject({ value: 60, version: 1 });
    });
  });

  describe('given the join window (de-duplication) set to 0 minutes', () => {
    const billingContact = (requester: string) => ({
      channel: 'app', audience: 'EXTERNAL', requester: { id: requester }, requestType: 'COMPLAINT', category: 'billing/wrong-charge',
      subject: '账单金额不对', description: '本月账单多扣了 30 元。', language: 'zh-Hans', region: 'GD-SZ',
    });
    const submit = async (requester: string): Promise<string> => {
      const answer = await platform.call('POST', '/api/v1/contacts', { caller: customer(requester), body: billingContact(requester) });
      expect(answer.status).toBe(201);
      return String(answer.body['caseId']);
    };

    it('opens a second case for the same requester and category, which joined the first before', async () => {
      const first = await submit('cust-twice');
      expect(await submit('cust-twice')).toBe(first);

      expect((await change('joinWindowMinutes', { value: 0, expectedVersion: 0 })).status).toBe(200);
      // Intake learns it from workflow's SystemParameterChanged, a moment later.
      await eventually(async () => expect(await submit('cust-twice-b')).not.toBe(await submit('cust-twice-b')));
      expect(await submit('cust-twice')).not.toBe(first);
    });
  });

  describe('given the escalation percentages set to 50, 80 and 100', () => {
    interface ShownClock { readonly status: string; readonly warnAt: string | null; readonly escalationLevel: number; readonly escalations: readonly { level: number; atPercent: number; at: string }[] }
    const percents = (body: Record<string, unknown>, caller = admin): Promise<CallResult> => platform.call('PUT', '/api/v1/admin/escalation-percents', { caller, body });
    const responseClock = (caseId: string, expected: Record<string, unknown>): Promise<ShownClock> =>
      eventually(async () => {
        const clocks = (await platform.call('GET', `/api/v1/cases/${caseId}/sla`, { caller: supervisor })).body['clocks'] as (ShownClock & { clockKey: string })[];
        const clock = clocks.find((shown) => shown.clockKey === 'case:response');
        expect(clock).toMatchObject(expected);
        return clock!;
      });
    let before: string;

    it('are none until an administrator sets them (each process its own), and only an administrator may', async () => {
      expect((await platform.call('GET', '/api/v1/admin/escalation-percents', { caller: admin })).body).toMatchObject({ percents: [], warnAtPercent: null, levels: [], version: 0, changedBy: null });
      expect((await platform.call('GET', '/api/v1/admin/escalation-percents', { caller: supervisor })).status).toBe(403);
      expect((await percents({ percents: [50, 80, 100], expectedVersion: 0 }, supervisor)).status).toBe(403);
    });

    it.each<[string, unknown, string]>([
      ['out of order', [80, 50], 'percents.1'],
      ['past 100 %', [50, 120], 'percents.1'],
      ['more than five', [10, 20, 30, 40, 50, 60], 'percents'],
      ['not a list', '50,80', 'percents'],
    ])('refuses percentages %s with 400 naming the field', async (_, list, field) => {
      const refused = await percents({ percents: list, expectedVersion: 0 });
      expect(refused.status).toBe(400);
      expect(refused.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('escalates a case opened after the change at 80 %, before its breach; a clock started before keeps its process’s levels', async () => {
      before = await steps.openComplaint('cust-escalation-before');
      await responseClock(before, { escalations: [{ level: 1, atPercent: 100 }, { level: 2, atPercent: 150 }] });

      const changed = await percents({ percents: [50, 80, 100], expectedVersion: 0, reason: '投诉升级规定 2026-12' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ percents: [50, 80, 100], warnAtPercent: 50, version: 1, changedBy: admin.sub, reason: '投诉升级规定 2026-12' });

      const after = await steps.openComplaint('cust-escalation-after');
      const shown = await responseClock(after, {
        status: 'RUNNING',
        escalations: [
          { level: 1, atPercent: 80, notify: 'UNIT_SUPERVISOR' },
          { level: 2, atPercent: 100, notify: 'PARENT_UNIT_SUPERVISOR' },
        ],
      });
      clock.advanceTo(new Date(Date.parse(shown.escalations[0]!.at) + 1_000));
      await responseClock(after, { status: 'WARNED', escalationLevel: 1 });
      await responseClock(before, { escalationLevel: 0, escalations: [{ level: 1, atPercent: 100 }, { level: 2, atPercent: 150 }] });
    });

    it('shows the change in the audit trail, with who made it', async () =>
      eventually(async () =>
        expect((await platform.call('GET', `/api/v1/admin/audit?actor=user:${admin.sub}&service=workflow`, { caller: admin })).body['items']).toEqual(
          expect.arrayContaining([expect.objectContaining({ type: 'EscalationPercentsChanged', subject: 'system-parameter-escalationPercents', actor: `user:${admin.sub}` })]),
        ),
      ));
  });
});
