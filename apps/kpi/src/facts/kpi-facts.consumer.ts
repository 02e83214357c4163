import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CollabEvent, ServiceName } from '@collab/contracts';
import type { SqlExecutor } from '@collab/following';
import { EVENT_CONSUMER, ProcessedEvents, afterCommit, batchTransactionOn, beforeCommit, inboxKeyOf, sharedBatchExecutor, type EventConsumerPort, type InboxKey, type RunningConsumer } from '@collab/messaging';
import { DATABASE, type Database } from '@collab/service-kit';
import { KpiAlerts } from '../alerts/kpi-alerts';
import { KpiFolding, PendingFold } from '../computation/kpi-folding';
import type { Fed } from './fed-fact';
import { FED_READERS, KPI_SOURCES, tellsSomething, type KpiSource } from './fed-readers';

export const consumerNameOf = (source: ServiceName): string => `kpi.facts-from-${source}`;

/** One delivered event to fold: its inbox key and what it tells. */
interface Delivery {
  readonly key: InboxKey;
  readonly feds: readonly Fed[];
}

/**
 * Folds intake's, workflow's and knowledge's published events (read through their typed readers) into the KPI
 * aggregates as they arrive: the log in the embedded platform, the Kafka topic in the distributed
 * mode (a fetched batch of a partition at a time), each under the runtime's lease. A delivered batch
 * shares one transaction: its events are only gathered as they are handed over, and just before the
 * commit the whole batch is recorded in the inbox, journalled, its context written, each in one
 * multi-row statement, and folded as the backfill folds a page (kpi-folding.ts). The inbox passes
 * what an earlier batch or another replica recorded, and an event met twice in a batch once; the
 * fact journal's key is the event id: redelivery or a second replica counts nothing twice. An
 * event handed over outside a batch is a batch of one.
 */
@Injectable()
export class KpiFactsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly inbox = new ProcessedEvents({ schema: 'kpi' });
  private consumers: RunningConsumer[] = [];
  /** The deliveries gathered in each open batch transaction, by the transaction's executor. */
  private readonly gathered = new WeakMap<SqlExecutor, Delivery[]>();

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
    const delivery: Delivery = { key: { consumerName: consumerNameOf(source), eventId: event.id }, feds };
    if (this.gather(delivery)) return;
    await batchTransactionOn(this.database.pool)(() => Promise.resolve(this.gather(delivery)));
  }

  /** Adds the delivery to the shared batch the caller runs in, the first one arranging the batch's fold before its commit; false outside a batch. */
  private gather(delivery: Delivery): boolean {
    const batch = sharedBatchExecutor();
    if (batch === undefined) return false;
    const deliveries = this.gathered.get(batch);
    if (deliveries !== undefined) {
      deliveries.push(delivery);
      return true;
    }
    const started = [delivery];
    this.gathered.set(batch, started);
    beforeCommit((tx) => this.fold(tx, started));
    // After the commit, asked by this consumer's lease holder: the figures the fold changed are checked against their thresholds.
    afterCommit(() => this.alerts.soon());
    return true;
  }

  /** The batch's new events, each once, in delivery order: recorded, journalled with their context and folded, in the batch's transaction. */
  private async fold(tx: SqlExecutor, deliveries: readonly Delivery[]): Promise<void> {
    const fresh = await this.inbox.processAll(tx, deliveries.map((delivery) => delivery.key));
    const feds: Fed[] = [];
    for (const { key, feds: told } of deliveries) if (fresh.delete(inboxKeyOf(key))) feds.push(...told);
    const pending = new PendingFold();
    await this.folding.stageAll(tx, feds, pending);
    await this.folding.flush(tx, pending);
  }
}
