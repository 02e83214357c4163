import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { LifecycleSteps } from '../workflow/lifecycle-steps';

const analyst: Caller = { sub: 'analyst-1', audience: 'INTERNAL', roles: ['analyst'] };
const agent: Caller = { sub: 'agent-1', audience: 'INTERNAL', roles: ['agent'] };
const department = (unit: string): Caller => ({ sub: `head-${unit}`, audience: 'INTERNAL', roles: ['department'], unit });
const partner = (id: string): Caller => ({ sub: `p-${id}`, audience: 'PARTNER', roles: ['partner-agent'], partner: id });

const day = { from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const valuesOf = (id: string, query: string) => `/api/v1/kpis/${id}/values?granularity=day&from=${day.from}&to=${day.to}${query}`;

const returnRate = {
  id: 'partner-return-rate',
  names: { zh: '合作伙伴退单率', en: 'Partner return rate' },
  measure: { kind: 'rate', numerator: { fact: 'TaskClosed', where: [{ field: 'outcome', in: ['RETURNED'] }] }, denominator: { fact: 'TaskClosed' } },
  unitOfMeasure: 'share',
  target: 0.1,
  warning: 0.05,
  direction: 'LOWER_IS_BETTER',
  dimensions: ['partner'],
  granularities: ['day', 'month'],
};

describe('the KPI service (统一管理) over REST, embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
  });
  afterAll(() => platform?.stop());

  it('lists the built-in library to staff and analysts', async () => {
    const listed = await eventually(async () => {
      const reply = await platform.call('GET', '/api/v1/kpis?limit=200', { caller: agent });
      const ids = (reply.body['items'] as { id: string }[] | undefined)?.map((kpi) => kpi.id) ?? [];
      if (!ids.includes('contacts-received')) throw new Error(`not seeded yet: ${JSON.stringify(reply.body)}`);
      return ids;
    }, { timeoutMs: 15_000 });
    expect(listed).toEqual(expect.arrayContaining(['first-response-time-p90', 'return-rate', 'backlog', 'csat-average']));
    const page = await platform.call('GET', '/api/v1/kpis?limit=2', { caller: agent });
    expect(page.body).toMatchObject({ items: [{ id: 'backlog' }, { id: 'collaboration-on-time-rate' }], page: { limit: 2, next: expect.any(String) as unknown } });
  });

  it('lets analysts define and revise a KPI into versions; others may not; bad definitions are problems', async () => {
    expect((await platform.call('POST', '/api/v1/kpis', { caller: agent, body: returnRate })).status).toBe(403);
    const bad = await platform.call('POST', '/api/v1/kpis', { caller: analyst, body: { ...returnRate, target: 3 } });
    expect(bad).toMatchObject({ status: 400, contentType: expect.stringContaining('application/problem+json') as unknown, body: { errors: [{ field: 'target' }] } });
    expect((await platform.call('POST', '/api/v1/kpis', { caller: analyst, body: { ...returnRate, granularities: ['week'] } })).status).toBe(400);
    const defined = await platform.call('POST', '/api/v1/kpis', { caller: analyst, body: returnRate });
    expect(defined).toMatchObject({ status: 201, body: { id: 'partner-return-rate', version: 1, status: 'ACTIVE' } });
    const { id: _id, ...specification } = returnRate;
    const revised = await platform.call('PUT', '/api/v1/kpis/partner-return-rate', { caller: analyst, body: { ...specification, target: 0.08 } });
    expect(revised).toMatchObject({ status: 200, body: { version: 2, target: 0.08, versions: [1, 2] } });
    expect((await platform.call('PUT', '/api/v1/kpis/nothing-here', { caller: analyst, body: specification })).status).toBe(404);
  });

  it('computes contacts received from intake’s events and answers JSON or CSV, naming the version', async () => {
    await new LifecycleSteps(platform).openComplaint('kpi-customer-1');
    const counted = await eventually(async () => {
      const reply = await platform.call('GET', valuesOf('contacts-received', ''), { caller: analyst });
      const values = reply.body['values'] as { value: number }[] | undefined;
      if (!values?.[0]?.value) throw new Error(`not counted yet: ${JSON.stringify(reply.body)}`);
      return reply.body;
    }, { timeoutMs: 15_000 });
    expect(counted).toMatchObject({ kpiId: 'contacts-received', version: 1, scope: 'whole', values: [{ bucket: '2026-11-30T00:00:00Z', value: 1 }] });
    const csv = await fetch(`${platform.baseUrl}${valuesOf('contacts-received', '')}`, { headers: { accept: 'text/csv', authorization: `Bearer ${await platform.token(analyst)}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[1]).toBe('contacts-received,1,whole,day,2026-11-30T00:00:00Z,1,,,1,NO_TARGET');
  });

  it('backfills a revised KPI over the history and reports its progress', async () => {
    expect((await platform.call('POST', '/api/v1/kpis/partner-return-rate/backfill', { caller: agent })).status).toBe(403);
    expect((await platform.call('POST', '/api/v1/kpis/partner-return-rate/backfill', { caller: analyst })).status).toBe(202);
    const done = await eventually(async () => {
      const reply = await platform.call('GET', '/api/v1/kpis/partner-return-rate/backfill', { caller: analyst });
      const runs = reply.body['items'] as { version: number; status: string }[];
      if (!runs.some((run) => run.version === 2 && run.status === 'DONE')) throw new Error(JSON.stringify(reply.body));
      return runs;
    }, { timeoutMs: 15_000 });
    expect(done.map((run) => run.version)).toEqual([1, 2]);
  });

  it('lets a partner read only its own figures, and a department its own unit', async () => {
    expect((await platform.call('GET', valuesOf('return-rate', '&scope=partner:reseller-2'), { caller: partner('reseller-1') })).status).toBe(403);
    expect(await platform.call('GET', valuesOf('return-rate', ''), { caller: partner('reseller-1') })).toMatchObject({ status: 200, body: { scope: 'partner:reseller-1' } });
    expect((await platform.call('GET', valuesOf('return-rate', '&scope=unit:elsewhere'), { caller: department('gd-billing') })).status).toBe(403);
    expect(await platform.call('GET', valuesOf('return-rate', ''), { caller: department('gd-billing') })).toMatchObject({ status: 200, body: { scope: 'unit:gd-billing' } });
    expect((await platform.call('GET', valuesOf('return-rate', '&scope=galaxy:x'), { caller: analyst })).status).toBe(400);
  });

  it('answers a channel’s scorecard against the targets', async () => {
    const card = await platform.call('GET', '/api/v1/kpis/scorecards/channel/app?month=2026-11', { caller: analyst });
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({ scope: 'channel:app', month: '2026-11' });
    expect((await platform.call('GET', '/api/v1/kpis/scorecards/planet/app', { caller: analyst })).status).toBe(400);
  });
});
