import { eventually } from '@collab/testing';
import { TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

/*
 * Time travel (issue #5): a case's history from its events, the case as it was at any moment,
 * and the legs of its chain in each unit's business time. The clock starts at the next ordinary
 * Friday 16:00 in Shanghai, so the case is held across a weekend by the front line, whose default
 * calendar is cn-standard (Mon–Fri 09:00–12:00 and 13:30–18:00, Asia/Shanghai).
 */

const agent: Caller = { sub: 'agent-history', audience: 'INTERNAL', roles: ['agent'] };
const requester: Caller = { sub: 'cust-history', audience: 'EXTERNAL' };
const anotherCustomer: Caller = { sub: 'cust-nosy', audience: 'EXTERNAL' };
const partnerStaff: Caller = { sub: 'reseller-agent', audience: 'PARTNER', partner: 'reseller-a', roles: ['partner-agent'] };
const admin: Caller = { sub: 'org-admin', audience: 'INTERNAL', roles: ['admin'] };
const supervisor: Caller = { sub: 'front-line-supervisor', audience: 'INTERNAL', roles: ['supervisor'], unit: 'front-line' };
const owner: Caller = { sub: 'agent-qian', audience: 'INTERNAL', roles: ['agent'], unit: 'front-line' };
const billingClerk: Caller = { sub: 'billing-zhao', audience: 'INTERNAL', roles: ['back-office'], unit: 'billing' };

const CORRELATION_ID = 'c0ffee00-0000-4000-8000-00000000a5f1';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const complaint = {
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: requester.sub, phone: '+8613800138000' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元，请核实。',
  region: 'GD-SZ',
};

interface Calendar {
  readonly holidays?: readonly { date: string }[];
  readonly makeUpWorkingDays?: readonly { date: string }[];
}

/** 16:00 in Shanghai (08:00Z) on the next Friday whose Friday, weekend and Monday the calendar treats as ordinary days. */
const nextOrdinaryFriday = (after: Date, calendar: Calendar): Date => {
  const special = new Set([...(calendar.holidays ?? []), ...(calendar.makeUpWorkingDays ?? [])].map((day) => day.date));
  const day = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), 8));
  for (;;) {
    day.setTime(day.getTime() + DAY);
    const dates = [0, 1, 2, 3].map((offset) => new Date(day.getTime() + offset * DAY).toISOString().slice(0, 10));
    if (day.getUTCDay() === 5 && dates.every((date) => !special.has(date))) return new Date(day);
  }
};

describe('history and time travel of a case (workflow), embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  let caseId: string;
  let opened: Record<string, unknown>;
  let friday: Date;

  const get = (path: string, caller: Caller = agent) => platform.call('GET', path, { caller });
  const moveClockTo = (instant: Date) => clock.advanceMinutes((instant.getTime() - clock.now().getTime()) / MINUTE);

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    const calendar = await get('/api/v1/calendars/cn-standard');
    expect(calendar.status).toBe(200);
    friday = nextOrdinaryFriday(clock.now(), calendar.body);
    moveClockTo(friday);
    const submitted = await platform.call('POST', '/api/v1/contacts', { caller: requester, body: complaint, headers: { 'x-correlation-id': CORRELATION_ID } });
    expect(submitted.status).toBe(201);
    caseId = String(submitted.body['caseId']);
    opened = await eventually(async () => {
      const routed = await get(`/api/v1/cases/${caseId}`);
      expect(routed.body).toMatchObject({ status: 'QUEUED', queue: 'complaints' });
      return routed.body;
    });
  });
  afterAll(() => platform?.stop());

  describe('the history', () => {
    it('lists the case’s events in order, each with its actor, time and the correlation id of the contact', async () => {
      const history = await get(`/api/v1/cases/${caseId}/history`);
      expect(history.status).toBe(200);
      const events = history.body['items'] as Record<string, unknown>[];
      expect(events.slice(0, 2)).toEqual([
        expect.objectContaining({ stream: `case-${caseId}`, streamVersion: 1, type: 'CaseRegistered', occurredAt: opened['openedAt'] }),
        expect.objectContaining({ stream: `case-${caseId}`, streamVersion: 2, type: 'CaseQueued', occurredAt: opened['assignedAt'] }),
      ]);
      for (const event of events)
        expect(event).toMatchObject({
          position: expect.stringMatching(/^\d+$/),
          actor: { id: expect.any(String), kind: expect.stringMatching(/^(user|partner|customer|channel|service|system)$/) },
          occurredAt: expect.any(String),
          recordedAt: expect.any(String),
          correlationId: expect.any(String),
          data: expect.objectContaining({ caseId }),
        });
      // The case's own events carry the correlation id of the request that opened it.
      for (const event of events.filter((entry) => entry['stream'] === `case-${caseId}`)) expect(event['correlationId']).toBe(CORRELATION_ID);
      // Registered by the routing service on behalf of the customer who wrote in.
      expect(events[0]).toMatchObject({ actor: { id: requester.sub, kind: 'customer' }, via: { id: 'workflow.route-case', kind: 'service' }, causationId: expect.any(String) });
      const positions = events.map((event) => BigInt(String(event['position'])));
      expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
      expect(history.body).toMatchObject({ caseId, asOf: null, page: { next: null } });
    });

    it('pages with limit and the cursor it answers, to the same events', async () => {
      const all = ((await get(`/api/v1/cases/${caseId}/history`)).body['items'] as unknown[]);
      const paged: unknown[] = [];
      let after: string | null = null;
      do {
        const page = await get(`/api/v1/cases/${caseId}/history?limit=1${after === null ? '' : `&after=${after}`}`);
        expect(page.status).toBe(200);
        paged.push(...(page.body['items'] as unknown[]));
        after = (page.body['page'] as { next: string | null }).next;
      } while (after !== null);
      expect(paged).toEqual(all);
    });

    it('is the requester’s to read, and nobody else’s outside the staff', async () => {
      expect((await get(`/api/v1/cases/${caseId}/history`, requester)).status).toBe(200);
      for (const stranger of [anotherCustomer, partnerStaff]) {
        const refused = await get(`/api/v1/cases/${caseId}/history`, stranger);
        expect(refused.status).toBe(404);
        expect(refused.body).not.toHaveProperty('events');
      }
    });

    it('stops at asOf: at the moment of opening the case was registered and its SLA clocks running, nothing more', async () => {
      const history = await get(`/api/v1/cases/${caseId}/history?asOf=${String(opened['openedAt'])}`);
      expect(history.status).toBe(200);
      const events = history.body['items'] as Record<string, unknown>[];
      expect(events.filter((event) => event['stream'] === `case-${caseId}`).map((event) => event['type'])).toEqual(['CaseRegistered']);
      // The clocks count from the opening, so they had started by then.
      for (const event of events.filter((entry) => entry['stream'] !== `case-${caseId}`))
        expect(event).toMatchObject({ stream: `sla-${caseId}`, type: 'SlaClockStarted', occurredAt: opened['openedAt'] });
      expect(history.body['asOf']).toBe(opened['openedAt']);
    });

    it('is not found for an unknown case', async () =>
      expect((await get('/api/v1/cases/7d1e3f0a-1111-4222-8333-444455556666/history')).status).toBe(404));
  });

  describe('the case as it was (?asOf=)', () => {
    it('shows the case as registered before it was assigned to a queue', async () => {
      const then = await get(`/api/v1/cases/${caseId}?asOf=${String(opened['openedAt'])}`);
      expect(then.status).toBe(200);
      expect(then.body).toMatchObject({ id: caseId, status: 'REGISTERED', queue: null, assignedAt: null, version: 1, asOf: opened['openedAt'], legs: [], chain: [] });
    });

    it('shows the case in its queue from the assignment on', async () => {
      const then = await get(`/api/v1/cases/${caseId}?asOf=${String(opened['assignedAt'])}`);
      expect(then.body).toMatchObject({ status: 'QUEUED', queue: 'complaints', assignedAt: opened['assignedAt'], subject: complaint.subject, number: opened['number'] });
    });

    it('does not know a case before it was opened', async () => {
      const before = new Date(Date.parse(String(opened['openedAt'])) - 1).toISOString();
      expect((await get(`/api/v1/cases/${caseId}?asOf=${before}`)).status).toBe(404);
      expect((await get(`/api/v1/cases/${caseId}/history?asOf=${before}`)).status).toBe(404);
    });

    it('is for the requester too, and for no other customer', async () => {
      const at = String(opened['assignedAt']);
      expect((await get(`/api/v1/cases/${caseId}?asOf=${at}`, requester)).status).toBe(200);
      expect((await get(`/api/v1/cases/${caseId}?asOf=${at}`, anotherCustomer)).status).toBe(404);
    });

    it.each([
      ['not a time', 'yesterday'],
      ['an impossible date', '2026-13-45T10:00:00Z'],
      ['a time without its offset', '2026-11-20T10:00:00'],
    ])('refuses %s with a problem naming asOf', async (_what, asOf) => {
      for (const path of [`/api/v1/cases/${caseId}?asOf=${asOf}`, `/api/v1/cases/${caseId}/history?asOf=${asOf}`]) {
        const refused = await get(path);
        expect(refused.status).toBe(400);
        expect(refused.contentType).toContain('application/problem+json');
        expect(refused.body['errors']).toEqual([expect.objectContaining({ field: 'asOf' })]);
      }
    });

    it('names every bad paging field and any unknown one', async () => {
      const refused = await get(`/api/v1/cases/${caseId}/history?limit=0&after=not*a*cursor&colour=red`);
      expect(refused.status).toBe(400);
      expect((refused.body['errors'] as { field: string }[]).map((error) => error.field).sort()).toEqual(['after', 'colour', 'limit']);
    });
  });

  describe('the legs, in the holder’s business time', () => {
    const frontLineLeg = (body: Record<string, unknown>) => (body['legs'] as Record<string, unknown>[])[0]!;
    const minutesBetween = (from: number, to: number) => (to - from) / MINUTE;

    it('shows the front line holding the case on its own calendar', () =>
      expect(frontLineLeg(opened)).toMatchObject({
        holder: { kind: 'QUEUE', id: 'complaints' },
        kind: 'CASE',
        clockHolder: { kind: 'UNIT', id: 'front-line' },
        calendarId: 'cn-standard',
        measuredIn: 'BUSINESS_TIME',
        from: opened['assignedAt'],
        to: null,
        note: null,
      }));

    it('counts nothing for the weekend: Friday 16:00–18:00 and Monday 09:00 on', async () => {
      const assignedAt = Date.parse(String(opened['assignedAt']));
      const fridayHours = minutesBetween(assignedAt, friday.getTime() + 2 * 60 * MINUTE);
      // Monday 09:00 in Shanghai is 01:00Z, seven hours before Friday's 08:00Z three days on.
      const mondayOpens = friday.getTime() + 3 * DAY - 7 * 60 * MINUTE;
      // Monday 10:00 in Shanghai: some 66 hours after the case arrived.
      moveClockTo(new Date(mondayOpens + 60 * MINUTE));
      const askedFrom = clock.now().getTime();
      const now = await get(`/api/v1/cases/${caseId}`);
      const askedUntil = clock.now().getTime();
      const held = Number(frontLineLeg(now.body)['heldMinutes']);
      expect(held).toBeGreaterThanOrEqual(fridayHours + minutesBetween(mondayOpens, askedFrom) - 0.01);
      expect(held).toBeLessThanOrEqual(fridayHours + minutesBetween(mondayOpens, askedUntil) + 0.01);
      expect(minutesBetween(assignedAt, askedFrom)).toBeGreaterThan(65 * 60);

      // As it stood on Saturday and late on Sunday: the weekend added nothing to Friday's two hours.
      const saturday = new Date(friday.getTime() + DAY).toISOString();
      const sundayNight = new Date(friday.getTime() + 2 * DAY + 14 * 60 * MINUTE).toISOString();
      for (const at of [saturday, sundayNight]) {
        const then = await get(`/api/v1/cases/${caseId}?asOf=${at}`);
        expect(frontLineLeg(then.body)).toMatchObject({ to: null, measuredIn: 'BUSINESS_TIME' });
        expect(frontLineLeg(then.body)['heldMinutes']).toBeCloseTo(fridayHours, 1);
      }
    });
  });

  describe('after the lifecycle steps that followed', () => {
    const ASSIGN_CORRELATION = 'c0ffee00-0000-4000-8000-0000000a551a';
    const HELP_CORRELATION = 'c0ffee00-0000-4000-8000-00000000beef';
    let beforeOwner: string;
    let taskId: string;

    const ok = async (answer: Promise<{ status: number; body: Record<string, unknown> }>, what: string) => {
      const settled = await answer;
      if (settled.status >= 300) throw new Error(`${what}: ${settled.status} ${JSON.stringify(settled.body)}`);
      return settled.body;
    };
    const act = (command: string, caller: Caller, body?: unknown, headers: Record<string, string> = {}) =>
      ok(platform.call('POST', `/api/v1/cases/${caseId}/${command}`, { caller, headers, ...(body === undefined ? {} : { body }) }), command);

    beforeAll(async () => {
      // Monday 10:30 in Shanghai (02:30Z): the morning's working hours hold every step below.
      clock.advanceTo(new Date(friday.getTime() + 3 * DAY - 330 * MINUTE));
      await ok(platform.call('POST', '/api/v1/org/agents', { caller: admin, body: { id: owner.sub, unitId: 'front-line', queues: ['complaints'], languages: ['zh'], capacity: 0 } }), 'enrol'); // capacity 0: nothing assigned automatically, the test assigns
      await eventually(async () => {
        const listed = await platform.call('GET', '/api/v1/org/agents?queueId=complaints', { caller: admin });
        expect((listed.body['items'] as { id: string }[]).map((agent) => agent.id)).toContain(owner.sub);
      });
      beforeOwner = clock.now().toISOString();
      clock.advanceMinutes(1);
      await act('assign', supervisor, { agentId: owner.sub, reason: 'knows billing complaints', overrideCapacity: true }, { 'x-correlation-id': ASSIGN_CORRELATION });
      clock.advanceMinutes(1);
      await act('start', owner);
      clock.advanceMinutes(1);
      taskId = String((await act('collaborations', owner, { to: { kind: 'UNIT', id: 'billing' }, reason: '请核对本月计费' }, { 'x-correlation-id': HELP_CORRELATION }))['taskId']);
      clock.advanceMinutes(30);
      await eventually(() => ok(platform.call('POST', `/api/v1/tasks/${taskId}/return`, { caller: billingClerk, body: { reasonCode: 'WRONG_UNIT', note: '应由网络部核实速率' } }), 'return'));
      await eventually(async () => expect((await get(`/api/v1/cases/${caseId}`)).body['chain']).toEqual([expect.objectContaining({ status: 'RETURNED', outcomeReason: 'WRONG_UNIT' })]));
    });

    it('lists each step with the person who took it and the correlation id of their request', async () => {
      const events = (await get(`/api/v1/cases/${caseId}/history?limit=200`)).body['items'] as Record<string, unknown>[];
      const step = (type: string) => events.find((event) => event['type'] === type);
      expect(step('CaseAssignedToAgent')).toMatchObject({ actor: { id: supervisor.sub, kind: 'user' }, correlationId: ASSIGN_CORRELATION, data: { agentId: owner.sub, reason: 'knows billing complaints' } });
      expect(step('CaseWorkStarted')).toMatchObject({ actor: { id: owner.sub, kind: 'user' } });
      expect(step('CollaborationTaskOpened')).toMatchObject({ stream: `case-${caseId}`, actor: { id: owner.sub }, correlationId: HELP_CORRELATION });
      // The task's own stream is part of the case's history, and so is how the case learned its end.
      expect(step('CollaborationRequested')).toMatchObject({ stream: `task-${taskId}`, correlationId: HELP_CORRELATION });
      expect(step('TaskReturned')).toMatchObject({ stream: `task-${taskId}`, actor: { id: billingClerk.sub, kind: 'user' }, data: { reasonCode: 'WRONG_UNIT' } });
      expect(step('CollaborationTaskClosed')).toMatchObject({ stream: `case-${caseId}`, data: { taskId, outcome: 'RETURNED', reason: 'WRONG_UNIT' } });
    });

    it('shows the case in its queue, without an owner, as it was just before the assignment', async () => {
      expect((await get(`/api/v1/cases/${caseId}?asOf=${beforeOwner}`)).body).toMatchObject({ status: 'QUEUED', queue: 'complaints', assignee: null, chain: [] });
      expect((await get(`/api/v1/cases/${caseId}`)).body).toMatchObject({ status: 'IN_PROGRESS', assignee: owner.sub });
    });

    it('shows the chain and billing’s leg, measured on billing’s calendar', async () => {
      const now = (await get(`/api/v1/cases/${caseId}`)).body;
      expect(now['chain']).toEqual([
        expect.objectContaining({ taskId, parentTaskId: null, from: { kind: 'QUEUE', id: 'complaints' }, to: expect.objectContaining({ kind: 'UNIT', id: 'billing' }), status: 'RETURNED', outcomeReason: 'WRONG_UNIT', children: [] }),
      ]);
      const billingLeg = (now['legs'] as Record<string, unknown>[]).find((leg) => leg['kind'] === 'TASK');
      expect(billingLeg).toMatchObject({ holder: { kind: 'UNIT', id: 'billing' }, taskId, clockHolder: { kind: 'UNIT', id: 'billing' }, calendarId: 'cn-standard', measuredIn: 'BUSINESS_TIME', to: expect.any(String) });
      expect(billingLeg!['heldMinutes']).toBeGreaterThanOrEqual(30);
      expect(billingLeg!['heldMinutes']).toBeLessThan(31);
    });
  });
});
