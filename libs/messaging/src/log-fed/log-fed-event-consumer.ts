import type { ServiceContract, ServiceName } from '@collab/contracts';
import type { RecordedEvent } from '@collab/event-store';
import { REACTOR_FLUSH, Reactor, type FollowerDefinition, type SqlExecutor } from '@collab/following';
import { batchTransactionOn } from '../postgres/processed-events';
import type { TransactionalPool } from '../postgres/sql';
import { toCollabEvent } from '../envelope';
import { consoleMessagingLogger, type MessagingLogger } from '../logger';
import { ANALYTICS_GIVE_WAY_MS, type ConsumerSubscription, type EventConsumerPort, type RunningConsumer } from '../messaging.port';

/** One service's log as the embedded transport reads it. */
export interface LogFedSource {
  readonly contract: ServiceContract;
}

/** Runs a follower of `log` under its lease (the host's FollowerHost.run); stopping it saves its checkpoint. */
export type RunFollower = (definition: FollowerDefinition, log: ServiceName) => { stop(): Promise<void> };

export interface LogFedEventConsumerOptions {
  /** The services whose logs this process hosts (and so can follow). */
  readonly sources: (service: ServiceName) => LogFedSource | undefined;
  readonly run: RunFollower;
  /** Where the consumers' checkpoints, leases and dead letters live (the `messaging` schema). */
  readonly home: string;
  readonly db: SqlExecutor & TransactionalPool;
  readonly logger?: MessagingLogger;
}

export const consumerCheckpointName = (consumerName: string): string => `consumer:${consumerName}`;

/**
 * The embedded mode's transport: a consumer follows the source service's log in this process
 * through the runtime's shared reader, sees exactly the CloudEvents envelopes Kafka would carry
 * (unpublished types are passed), and runs as a follower with a lease and a checkpoint
 * `consumer:<name>` saved every 200 events or 250 ms (at least once, like Kafka) — or, for a
 * subscription that `sharesBatchTransaction`, each batch's handlings commit in one transaction (a
 * failed batch is handled again event by event). Faults are the
 * runtime's: infrastructure retried without limit, poison dead-lettered with its stream parked.
 */
export class LogFedEventConsumer implements EventConsumerPort {
  private readonly logger: MessagingLogger;

  constructor(private readonly options: LogFedEventConsumerOptions) {
    this.logger = options.logger ?? consoleMessagingLogger;
  }

  consume(subscription: ConsumerSubscription): Promise<RunningConsumer> {
    const source = this.options.sources(subscription.source);
    if (!source) return Promise.reject(new Error(`no event log is configured for ${subscription.source} (consumer ${subscription.consumerName})`));
    const { contract } = source;
    const name = consumerCheckpointName(subscription.consumerName);
    const published = contract.publishes;
    const reactor = new Reactor(
      this.options.home,
      {
        name,
        handles: published,
        react: (event: RecordedEvent) => subscription.handle(toCollabEvent(contract, event)),
        // The inbox makes each handling idempotent, so the checkpoint keeps its own pace.
        ...(subscription.sharesBatchTransaction ? { batchTransaction: batchTransactionOn(this.options.db), batchCheckpoint: 'deferred' as const } : {}),
      },
      this.options.db,
      this.logger,
    );
    const runner = this.options.run(
      { name, home: this.options.home, handler: reactor, flush: REACTOR_FLUSH, ...(subscription.givesWay ? { giveWayMs: ANALYTICS_GIVE_WAY_MS } : {}) },
      subscription.source,
    );
    return Promise.resolve({ stop: () => runner.stop() });
  }
}
