import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { kpiLanguage, readerFor, type CollabEvent, type PublicMessage } from '@collab/contracts';
import { EVENT_CONSUMER, ProcessedEvents, afterCommit, type EventConsumerPort, type RunningConsumer, type SqlExecutor } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { FactsChanged } from '../facts/facts-changed';

const NAME = 'data.monitor.kpi-alerts';
const kpiAlerts = readerFor(kpiLanguage, { only: ['KpiThresholdCrossed', 'KpiThresholdRecovered'] });
type KpiAlertMessage = PublicMessage<typeof kpiLanguage>;

/** Keeps one row per bucket and threshold: open once crossed, closed once recovered; a later alert never yields to an earlier one arriving late. */
const applyAlert = (tx: SqlExecutor, { type, data }: KpiAlertMessage): Promise<unknown> => {
  const at = type === 'KpiThresholdCrossed' ? data.crossedAt : data.recoveredAt;
  return tx.query(
    `insert into data.monitor_kpi_alert (kpi_id, version, scope, granularity, bucket, threshold, open, standing, value, threshold_value, at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (kpi_id, version, scope, granularity, bucket, threshold) do update set
       open = excluded.open, standing = excluded.standing, value = excluded.value, threshold_value = excluded.threshold_value, at = excluded.at
     where data.monitor_kpi_alert.at <= excluded.at`,
    [data.kpiId, data.version, data.scope, data.granularity, new Date(data.bucket), data.threshold, type === 'KpiThresholdCrossed', data.standing, data.value, data.thresholdValue, new Date(at)],
  );
};

/**
 * Follows the KPI service's published alerts (its log in the embedded platform, `collab.kpi.events.v1`
 * in the distributed mode) through kpi's typed reader, each applied once with its inbox row, and
 * tells the live monitor.
 */
@Injectable()
export class KpiAlertsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'data' });
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
    private readonly changed: FactsChanged,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({ consumerName: NAME, source: 'kpi', handle: (event) => this.on(event), sharesBatchTransaction: true });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const message = kpiAlerts.read(event);
    if (message === undefined) return;
    if (await this.inbox.runOnce(this.database.pool, { consumerName: NAME, eventId: event.id }, async (tx) => { await applyAlert(tx, message); })) afterCommit(() => this.changed.notify('kpi'));
  }
}
