import type { CollabEvent } from '@collab/contracts';
import { PostgresEventStore } from '@collab/event-store';
import type { KpiDefinitionVersion } from '@collab/kpi-domain';
import { KpiAlertReplay } from '../alerts/alert-replay';
import { KpiAlerts } from '../alerts/kpi-alerts';
import { KpiFactsConsumer } from '../facts/kpi-facts.consumer';
import { intakeEvent } from '../testing/published-events';
import { KpiTestBed } from '../testing/kpi-test-bed';
import { backfill } from './kpi-backfill';

/** Fewer than two contacts in an hour (or a day) is a warning sign, none misses the target: one contact crosses the warning, a second recovers. */
const HOURLY: KpiDefinitionVersion = {
  kpiId: 'hourly-contacts', version: 1, names: { zh: '每小时受理量', en: 'Contacts per hour' }, description: '', dimensions: ['channel', 'partner'],
  measure: { kind: 'count', of: { fact: 'ContactReceived' } }, filters: [], unitOfMeasure: 'contacts', target: 1, warning: 2, direction: 'HIGHER_IS_BETTER', granularities: ['hour', 'day'],
};

const opened = (n: number, at: string, partner?: string): CollabEvent =>
  intakeEvent('CaseOpened', `case-${n}`, {
    caseId: `eeeeeeee-0000-4000-8000-00000000000${n}`, channel: 'app', requester: partner === undefined ? {} : { partner },
    region: 'GD', category: 'billing', requestType: 'CONSULT', audience: 'EXTERNAL', openedAt: at, occurredAt: at,
  });

/**
 * Monday 2026-11-23 (UTC): 02:10 one contact (hour 02 and the day cross the warning), 02:40 a second
 * (both recover), 05:00 one (hour 05 crosses; the day stays met at 3), 06:00 a reseller's customer
 * (hour 06 crosses, and the reseller's own hour and day). Later, 05:30 (hour 05 recovers).
 */
const HISTORY = [opened(1, '2026-11-23T02:10:00.000Z'), opened(2, '2026-11-23T02:40:00.000Z'), opened(3, '2026-11-23T05:00:00.000Z'), opened(4, '2026-11-23T06:00:00.000Z', 'reseller-1')];
const LATER = opened(5, '2026-11-23T05:30:00.000Z');

/** The test bed with the alert check the service runs after each event, on a clock the spec sets to each fact's instant (as if it arrived then). */
const withAlerts = async (bed: KpiTestBed) => {
  const store = new PostgresEventStore({ pool: bed.database.pool, schema: 'kpi' });
  await store.ensureSchema();
  let now = new Date('2026-11-23T00:00:00.000Z');
  const alerts = new KpiAlerts({ now: () => now }, bed.database, bed.values, new KpiAlertReplay(store, bed.database));
  // The spec checks after each event itself (as if each arrived alone), not when the consumer would ask for a check.
  const asked = { check: (): Promise<void> => Promise.resolve(), soon: (): void => undefined };
  const consumer = new KpiFactsConsumer({ consume: () => Promise.reject(new Error('fed by the spec')) }, bed.database, bed.folding, asked);
  return {
    alerts,
    feed: async (events: readonly CollabEvent[]) => {
      for (const event of events) {
        now = new Date(String(event.data['openedAt']));
        await consumer.on('intake', event);
        await alerts.check();
      }
    },
    /** The KPI's alerts as recorded, stream by stream in order: what the list and the topic carry. */
    recorded: async () =>
      (await store.readAll({ after: 0n, maxCount: 10_000 }))
        .filter((event) => event.streamId.startsWith(`kpi-alert:${HOURLY.kpiId}:`))
        .map((event) => ({ stream: event.streamId, version: event.streamVersion, type: event.type, data: event.data }))
        .sort((a, b) => a.stream.localeCompare(b.stream) || a.version - b.version),
  };
};

const define = async (bed: KpiTestBed): Promise<void> => {
  await bed.database.pool.query(`insert into kpi.definition (kpi_id, version, specification, built_in, defined_at) values ($1, 1, $2, false, '2026-11-01T00:00:00Z')`, [
    HOURLY.kpiId, JSON.stringify({ ...HOURLY, kpiId: undefined, version: undefined }),
  ]);
  bed.catalogue.changed();
};

describe('a backfill raises the alerts live folding would have raised over the same history', () => {
  let live: KpiTestBed;
  let backfilled: KpiTestBed;

  beforeAll(async () => {
    [live, backfilled] = [await KpiTestBed.open(), await KpiTestBed.open()];
  });
  afterAll(async () => {
    await live.close();
    await backfilled.close();
  });

  it('crossing the warning and recovering, hour by hour, for the whole organisation and the partner; once, however often it runs', async () => {
    const liveBed = await withAlerts(live);
    await define(live);
    await liveBed.feed(HISTORY);
    const reference = await liveBed.recorded();
    expect(reference.map(({ stream, type }) => [stream.replace('kpi-alert:hourly-contacts:v1:', ''), type])).toEqual([
      ['day:2026-11-23T00:00:00Z:partner:reseller-1', 'KpiThresholdCrossed'],
      ['day:2026-11-23T00:00:00Z:whole', 'KpiThresholdCrossed'],
      ['day:2026-11-23T00:00:00Z:whole', 'KpiThresholdRecovered'],
      ['hour:2026-11-23T02:00:00Z:whole', 'KpiThresholdCrossed'],
      ['hour:2026-11-23T02:00:00Z:whole', 'KpiThresholdRecovered'],
      ['hour:2026-11-23T05:00:00Z:whole', 'KpiThresholdCrossed'],
      ['hour:2026-11-23T06:00:00Z:partner:reseller-1', 'KpiThresholdCrossed'],
      ['hour:2026-11-23T06:00:00Z:whole', 'KpiThresholdCrossed'],
    ]);

    const backfilledBed = await withAlerts(backfilled);
    await backfilledBed.feed(HISTORY);
    expect(await backfilledBed.recorded()).toEqual([]);
    await define(backfilled);
    await backfill(backfilled.database.pool, HOURLY);
    await backfilledBed.alerts.check();
    expect(await backfilledBed.recorded()).toEqual(reference);

    await backfill(backfilled.database.pool, HOURLY);
    await backfilledBed.alerts.check();
    expect(await backfilledBed.recorded()).toEqual(reference);
  });

  it('a backfill overlapping live folding (a fact arriving meanwhile) records each crossing and recovery once', async () => {
    const [liveBed, backfilledBed] = [await withAlerts(live), await withAlerts(backfilled)];
    await liveBed.feed([LATER]);
    const reference = await liveBed.recorded();
    expect(reference.filter(({ stream }) => stream.includes(':hour:2026-11-23T05:00:00Z:whole')).map(({ type }) => type)).toEqual(['KpiThresholdCrossed', 'KpiThresholdRecovered']);

    await Promise.all([backfill(backfilled.database.pool, HOURLY), backfilledBed.feed([LATER])]);
    await backfilledBed.alerts.check();
    expect(await backfilledBed.recorded()).toEqual(reference);
  });
});
