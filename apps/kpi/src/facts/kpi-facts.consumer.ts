import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CollabEvent, ServiceName } from '@collab/contracts';
import type { SqlExecutor } from '@collab/following';
import { EVENT_CONSUMER, ProcessedEvents, afterCommit, beforeCommit, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { KpiAlerts } from '../alerts/kpi-alerts';
import { KpiFolding, PendingFold } from '../computation/kpi-folding';
import { FED_READERS, KPI_SOURCES, tellsSomething, type KpiSource } from './fed-readers';

export const consumerNameOf = (source: ServiceName): string => `kpi.facts-from-${source}`;

/**
 * Folds intake's, workflow's and knowledge's published events (read through their typed readers) into the KPI
 * aggregates as they arrive: the log in the embedded platform, the Kafka topic in the distributed
 * mode, each under the runtime's lease. Each event is journalled in the transaction that records it as
 * processed, and the fact journal's key is the event id: redelivery or a second replica counts nothing
 * twice. Where the transport hands over a batch in one transaction (the log-fed one, with its
 * checkpoint), the facts are folded together just before that transaction commits, as the backfill
 * folds a page (kpi-folding.ts); an event handled on its own is folded at once.
 */
@Injectable()
export class KpiFactsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'kpi' });
  private consumers: RunningConsumer[] = [];
  /** The fold pending in each open batch transaction, by the transaction's executor. */
  private readonly pending = new WeakMap<SqlExecutor, PendingFold>();

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(DATABASE) private readonly database: Database,
    private readonly folding: KpiFolding,
    @Inject(KpiAlerts) private readonly alerts: Pick<KpiAlerts, 'soon'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const source of KPI_SOURCES)
      this.consumers.push(await this.events.consume({ consumerName: consumerNameOf(source), source, handle: (event) => this.on(source, event), sharesBatchTransaction: true, givesWay: true }));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  async on(source: KpiSource, event: CollabEvent): Promise<void> {
    const feds = FED_READERS[source](event);
    if (!tellsSomething(feds)) return;
    await this.inbox.runOnce(this.database.pool, { consumerName: consumerNameOf(source), eventId: event.id }, async (tx) => {
      const joined = this.pending.get(tx);
      const pending = joined ?? new PendingFold();
      for (const fed of feds) await this.folding.stage(tx, fed, pending);
      if (joined !== undefined) return;
      if (beforeCommit((batch) => this.folding.flush(batch, pending))) this.pending.set(tx, pending);
      else await this.folding.flush(tx, pending);
    });
    // After the commit, asked by this consumer's lease holder: the figures the fold changed are checked against their thresholds.
    afterCommit(() => this.alerts.soon());
  }
}
