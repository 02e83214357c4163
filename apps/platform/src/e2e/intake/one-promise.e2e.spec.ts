import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

/**
 * One promise (DESIGN.md §5): what the requester is told at acknowledgement is what the case's
 * process holds the organisation to. For every default channel × request type, at a Monday-morning
 * instant and on a Saturday evening, the acknowledgement's expected times (and the what-if's) equal
 * the due times of the case's first SLA clocks in workflow, on the same calendar. Complaints run on
 * a process published through workflow's API (fi-standard, 30 min / 4 h), so the promise follows
 * workflow's publications; the rest on the seeded default process (cn-standard, 1 h / 8 h).
 */

const admin: Caller = { sub: 'admin-1', audience: 'INTERNAL', roles: ['admin'] };
const supervisor: Caller = { sub: 'sup-1', audience: 'INTERNAL', roles: ['supervisor'] };
const customer = (sub: string): Caller => ({ sub, audience: 'EXTERNAL' });

const CHANNELS = ['app', 'web', 'phone', 'wechat', 'email'] as const;
const REQUEST_TYPES = ['COMPLAINT', 'FAULT', 'INQUIRY'] as const;
const CATEGORY = 'billing/wrong-charge';
/** Mon 30 Nov 2026 11:00 in Shanghai, 05:00 in Helsinki: one desk open, the other not yet. */
const MONDAY_MORNING = '2026-11-30T03:00:00.000Z';
/** Sat 5 Dec 2026 23:00 in Shanghai, 17:00 in Helsinki: both desks closed. */
const SATURDAY_EVENING = '2026-12-05T15:00:00.000Z';

const complaintsOnHelsinkiDesk = {
  processId: 'complaints',
  expectedVersion: 0,
  reason: 'complaints are answered from the Helsinki desk',
  name: 'Complaints',
  scope: { requestTypes: ['COMPLAINT'] },
  routingRules: [],
  fallback: { queue: 'complaints', ruleId: 'complaints-fallback' },
  stages: [
    {
      id: 'front',
      name: 'Front line',
      unitType: 'FRONT_LINE',
      sla: { calendarId: 'fi-standard', responseWithinBusinessMinutes: 30, resolutionWithinBusinessMinutes: 240 },
    },
  ],
  escalation: { warnAtPercent: 80, levels: [{ level: 1, atPercent: 100, notify: 'UNIT_SUPERVISOR' }] },
};

interface Clock {
  readonly calendarId: string | null;
  readonly dueAt: string;
}

describe('one promise: the acknowledgement states the times the case’s process holds (embedded platform)', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;

  const whatIf = (channel: string, requestType: string, arrivesAt: string) =>
    platform.call('POST', '/api/v1/contacts/expected-times', {
      caller: supervisor,
      body: { channel, audience: 'EXTERNAL', requestType, category: CATEGORY, arrivesAt },
    });

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    const published = await platform.call('POST', '/api/v1/processes', { caller: admin, body: complaintsOnHelsinkiDesk });
    expect(published.status).toBe(201);
    // Intake learns it from workflow's ProcessVersionPublished, a moment after workflow recorded it.
    await eventually(async () =>
      expect((await whatIf('app', 'COMPLAINT', TEST_MONDAY_MORNING)).body).toMatchObject({ calendarId: 'fi-standard' }),
    );
  });
  afterAll(() => platform?.stop());

  const caseClocks = (caseId: string): Promise<Record<string, Clock>> =>
    eventually(async () => {
      const answer = await platform.call('GET', `/api/v1/cases/${caseId}/sla`, { caller: supervisor });
      expect(answer.status).toBe(200);
      const clocks = Object.fromEntries((answer.body['clocks'] as (Clock & { clockKey: string })[]).map((c) => [c.clockKey, c]));
      expect(Object.keys(clocks)).toEqual(expect.arrayContaining(['case:response', 'case:resolution']));
      return clocks;
    });

  it('promises what the default process says, counted by hand: Monday 10:00 in Shanghai on cn-standard', async () =>
    // First response 1 h: 11:00 (03:00Z). Resolution 8 h: Mon 10–12 (2 h) + 13:30–18:00 (4.5 h) + Tue 09:00–10:30 (1.5 h) = Tue 10:30 (02:30Z).
    expect((await whatIf('app', 'INQUIRY', TEST_MONDAY_MORNING)).body).toMatchObject({
      calendarId: 'cn-standard',
      firstResponseBy: '2026-11-30T03:00:00.000Z',
      resolveBy: '2026-12-01T02:30:00.000Z',
    }));

  describe.each([
    ['Monday morning', MONDAY_MORNING],
    ['Saturday evening', SATURDAY_EVENING],
  ])('%s', (when, instant) => {
    beforeAll(() => clock.advanceTo(instant));

    it.each(CHANNELS.flatMap((channel) => REQUEST_TYPES.map((requestType) => [channel, requestType] as const)))(
      '%s × %s: acknowledged with the due times of the case’s SLA clocks',
      async (channel, requestType) => {
        const sub = `cust-${when.split(' ')[0]!.toLowerCase()}-${channel}-${requestType.toLowerCase()}`;
        const body = {
          channel,
          audience: 'EXTERNAL',
          requester: { id: sub },
          requestType,
          category: CATEGORY,
          subject: `${requestType} via ${channel}`,
          description: '本月账单多扣了 30 元，请核实。',
          region: 'GD-SZ',
        };
        const submitted = await platform.call('POST', '/api/v1/contacts', { caller: customer(sub), body });
        expect(submitted.status).toBe(201);
        const acknowledgement = submitted.body['acknowledgement'] as Record<string, string>;
        // The clock moves on with the test (a few seconds at most): still the same part of the week.
        expect(Date.parse(acknowledgement['acknowledgedAt']!) - Date.parse(instant)).toBeLessThan(60_000);

        const clocks = await caseClocks(String(submitted.body['caseId']));
        expect(acknowledgement).toMatchObject({
          calendarId: clocks['case:response']!.calendarId,
          expectedFirstResponseAt: clocks['case:response']!.dueAt,
          expectedResolutionAt: clocks['case:resolution']!.dueAt,
        });
        expect(acknowledgement['calendarId']).toBe(requestType === 'COMPLAINT' ? 'fi-standard' : 'cn-standard');
        expect((await whatIf(channel, requestType, acknowledgement['acknowledgedAt']!)).body).toMatchObject({
          calendarId: acknowledgement['calendarId'],
          firstResponseBy: acknowledgement['expectedFirstResponseAt'],
          resolveBy: acknowledgement['expectedResolutionAt'],
        });
      },
    );
  });
});
