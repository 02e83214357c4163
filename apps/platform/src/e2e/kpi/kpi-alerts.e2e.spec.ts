import { kpiLanguage, readerFor } from '@collab/contracts';
import { toCollabEvent } from '@collab/messaging';
import { HostedServices } from '@collab/service-kit';
import { eventually, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';
import { LifecycleSteps } from '../workflow/lifecycle-steps';

const analyst: Caller = { sub: 'analyst-1', audience: 'INTERNAL', roles: ['analyst'] };
const partner: Caller = { sub: 'p-reseller-1', audience: 'PARTNER', roles: ['partner-agent'], partner: 'reseller-1' };

/** Fewer than two contacts in an hour (or a day) is a warning sign, none at all misses the target: one contact crosses the warning, a second recovers. */
const hourlyContacts = {
  id: 'hourly-contacts',
  names: { zh: '每小时受理量', en: 'Contacts per hour' },
  measure: { kind: 'count', of: { fact: 'ContactReceived' } },
  unitOfMeasure: 'contacts',
  target: 1,
  warning: 2,
  direction: 'HIGHER_IS_BETTER',
  dimensions: ['channel'],
  granularities: ['hour', 'day'],
};

interface Alert {
  readonly type: string;
  readonly kpiId: string;
  readonly scope: string;
  readonly granularity: string;
  readonly bucket: string;
  readonly threshold: string;
  readonly standing: string;
  readonly value: number;
}

describe('KPI alerts (统一管理), embedded platform', () => {
  const clock = new MovableClock(TEST_MONDAY_MORNING);
  let platform: EmbeddedPlatform;
  const alerts = async (query = ''): Promise<Alert[]> => {
    const reply = await platform.call('GET', `/api/v1/kpis/alerts?kpi=hourly-contacts&scope=whole${query}`, { caller: analyst });
    if (reply.status !== 200) throw new Error(`alerts answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body['items'] as Alert[];
  };
  const alertsUntil = (count: number): Promise<Alert[]> =>
    eventually(async () => {
      const listed = await alerts();
      if (listed.length < count) throw new Error(`${listed.length} of ${count} alerts: ${JSON.stringify(listed)}`);
      return listed;
    }, { timeoutMs: 20_000 });

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, clock);
    expect((await platform.call('POST', '/api/v1/kpis', { caller: analyst, body: hourlyContacts })).status).toBe(201);
    await eventually(async () => {
      const reply = await platform.call('GET', '/api/v1/kpis?limit=200', { caller: analyst });
      if (!(reply.body['items'] as { id: string }[]).some((kpi) => kpi.id === 'hourly-contacts')) throw new Error('not in the library yet');
    }, { timeoutMs: 15_000 });
    // The fold reads its definitions at most a second old: the new KPI is folded from the next contact on.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
  });
  afterAll(() => platform?.stop());

  it('lists and publishes a crossing of the warning, then its recovery', async () => {
    const steps = new LifecycleSteps(platform);
    await steps.openComplaint('alert-customer-1');
    const crossed = await alertsUntil(2);
    expect(crossed).toEqual([
      expect.objectContaining({ type: 'KpiThresholdCrossed', granularity: 'hour', bucket: '2026-11-30T02:00:00Z', threshold: 'WARNING', standing: 'WARNING', value: 1 }),
      expect.objectContaining({ type: 'KpiThresholdCrossed', granularity: 'day', bucket: '2026-11-30T00:00:00Z', threshold: 'WARNING', standing: 'WARNING', value: 1 }),
    ]);

    await steps.openComplaint('alert-customer-2', { category: 'network/no-signal' });
    const all = await alertsUntil(4);
    expect(all.slice(2)).toEqual([
      expect.objectContaining({ type: 'KpiThresholdRecovered', granularity: 'hour', threshold: 'WARNING', standing: 'MET', value: 2 }),
      expect.objectContaining({ type: 'KpiThresholdRecovered', granularity: 'day', threshold: 'WARNING', standing: 'MET', value: 2 }),
    ]);

    // Published: the kpi log is what the relay sends to collab.kpi.events.v1 (and what embedded consumers follow); each reads through kpi's typed reader.
    const hosted = platform.app.get(HostedServices).get('kpi')!;
    const reader = readerFor(kpiLanguage);
    const published = (await hosted.store.readAll({ after: 0n, maxCount: 10_000 }))
      .filter((recorded) => hosted.contract.publishes.includes(recorded.type))
      .map((recorded) => reader.read(toCollabEvent(hosted.contract, recorded)))
      .filter((message) => message !== undefined && message.data.kpiId === 'hourly-contacts' && message.data.scope === 'whole');
    expect(published.map((message) => [message?.type, message?.data.granularity, message?.data.standing])).toEqual([
      ['KpiThresholdCrossed', 'hour', 'WARNING'], ['KpiThresholdCrossed', 'day', 'WARNING'], ['KpiThresholdRecovered', 'hour', 'MET'], ['KpiThresholdRecovered', 'day', 'MET'],
    ]);
  });

  it('pages the alerts with the one list envelope and filters them by time', async () => {
    const first = await platform.call('GET', '/api/v1/kpis/alerts?kpi=hourly-contacts&scope=whole&limit=3', { caller: analyst });
    expect(first.body).toMatchObject({ items: expect.any(Array) as unknown, page: { limit: 3, next: expect.any(String) as unknown } });
    const next = String((first.body['page'] as { next: string }).next);
    const rest = await platform.call('GET', `/api/v1/kpis/alerts?kpi=hourly-contacts&scope=whole&limit=3&after=${next}`, { caller: analyst });
    expect(rest.body).toMatchObject({ items: [{ type: 'KpiThresholdRecovered', granularity: 'day' }], page: { next: null } });
    expect(await alerts('&to=2026-11-30T00:00:00Z')).toEqual([]);
    expect((await platform.call('GET', '/api/v1/kpis/alerts?after=not!a-cursor', { caller: analyst })).status).toBe(400);
  });

  it('shows a partner only its own scope’s alerts', async () => {
    const reply = await platform.call('GET', '/api/v1/kpis/alerts?kpi=hourly-contacts', { caller: partner });
    expect(reply).toMatchObject({ status: 200, body: { items: [] } });
    expect((await platform.call('GET', '/api/v1/kpis/alerts?scope=partner:reseller-2', { caller: partner })).status).toBe(403);
  });
});
