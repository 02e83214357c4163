import type { ServiceContract, ServiceName } from '@collab/contracts';
import type { CheckpointStore, EventStore, RecordedEvent } from '@collab/event-store';
import { CheckpointedLogFollower } from '../checkpointed-log-follower';
import type { DeadLetterSink } from '../dead-letter.port';
import { isPublished, toCollabEvent } from '../envelope';
import { consoleMessagingLogger, type MessagingLogger } from '../logger';
import type { ConsumerSubscription, EventConsumerPort, RunningConsumer } from '../messaging.port';
import { DEFAULT_HANDLER_BACKOFF, DEFAULT_MAX_ATTEMPTS, deliverWithRetries, Stopping, type Backoff } from '../retry';

/**
 * One service's log as the embedded transport reads it. `store` is accepted as well as
 * `eventStore` so a host's registration record (`{ contract, store }`) fits as it is.
 */
export type LogFedSource = { readonly contract: ServiceContract } & (
  | { readonly eventStore: EventStore }
  | { readonly store: EventStore }
);

/** The services whose logs this process can follow: a map, or a lookup into the host's registry. */
export type LogFedSources = Partial<Readonly<Record<ServiceName, LogFedSource>>> | ((service: ServiceName) => LogFedSource | undefined);

const lookUp = (sources: LogFedSources, service: ServiceName): { eventStore: EventStore; contract: ServiceContract } | undefined => {
  const source = typeof sources === 'function' ? sources(service) : sources[service];
  if (!source) return undefined;
  return { contract: source.contract, eventStore: 'eventStore' in source ? source.eventStore : source.store };
};

export interface LogFedEventConsumerOptions {
  readonly sources: LogFedSources;
  readonly checkpoints: CheckpointStore;
  readonly deadLetters: DeadLetterSink;
  /** Between a failing handler's attempts. */
  readonly handlerBackoff?: Backoff;
  /** Before re-subscribing after the log, the checkpoint store or the dead-letter sink failed. */
  readonly restartBackoff?: Backoff;
  readonly batchSize?: number;
  readonly logger?: MessagingLogger;
}

export const consumerCheckpointName = (consumerName: string): string => `consumer:${consumerName}`;

const DEFAULT_RESTART_BACKOFF: Backoff = { initialMs: 200, maxMs: 5_000 };

/**
 * The embedded mode's transport: a consumer follows the source service's event-store log directly,
 * sees exactly the CloudEvents envelopes Kafka would carry (unpublished types are skipped), and
 * keeps its place in the checkpoint `consumer:<consumerName>`, saved after each handled batch
 * (at least once, like Kafka). An event the handler keeps failing on goes to the dead-letter sink
 * after `maxAttempts`, then the consumer moves on.
 *
 * In embedded mode every statement shares one database connection: a handler must not hold a
 * transaction while it awaits another query through the pool (see `ProcessedEvents.runOnce`).
 */
export class LogFedEventConsumer implements EventConsumerPort {
  private readonly logger: MessagingLogger;

  constructor(private readonly options: LogFedEventConsumerOptions) {
    this.logger = options.logger ?? consoleMessagingLogger;
  }

  async consume(subscription: ConsumerSubscription): Promise<RunningConsumer> {
    const source = lookUp(this.options.sources, subscription.source);
    if (!source) throw new Error(`no event log is configured for ${subscription.source} (consumer ${subscription.consumerName})`);
    const follower = new CheckpointedLogFollower({
      eventStore: source.eventStore,
      checkpoints: this.options.checkpoints,
      checkpointName: consumerCheckpointName(subscription.consumerName),
      handleBatch: (batch, signal) => this.handleBatch({ subscription, contract: source.contract, batch, signal }),
      restartBackoff: this.options.restartBackoff ?? DEFAULT_RESTART_BACKOFF,
      logger: this.logger,
      ...(this.options.batchSize === undefined ? {} : { batchSize: this.options.batchSize }),
    });
    await follower.start();
    return { stop: () => follower.stop() };
  }

  private async handleBatch(work: BatchWork): Promise<void> {
    for (const event of work.batch) {
      if (work.signal.aborted) throw new Stopping();
      if (isPublished(work.contract, event.type)) await this.deliver(work, event);
    }
  }

  private async deliver(work: BatchWork, recorded: RecordedEvent): Promise<void> {
    const { subscription, signal } = work;
    const event = toCollabEvent(work.contract, recorded);
    const outcome = await deliverWithRetries(() => subscription.handle(event), {
      maxAttempts: subscription.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoff: this.options.handlerBackoff ?? DEFAULT_HANDLER_BACKOFF,
      signal,
    });
    switch (outcome.kind) {
      case 'handled':
        return;
      case 'stopped':
        throw new Stopping();
      case 'exhausted':
        this.logger.error(
          { consumer: subscription.consumerName, eventId: event.id, type: event.type, attempts: outcome.attempts, error: outcome.error },
          'handler kept failing; event dead-lettered',
        );
        await this.options.deadLetters.record({
          consumerName: subscription.consumerName,
          event,
          error: outcome.error,
          attempts: outcome.attempts,
        });
        return;
    }
  }
}

interface BatchWork {
  readonly subscription: ConsumerSubscription;
  readonly contract: ServiceContract;
  readonly batch: readonly RecordedEvent[];
  readonly signal: AbortSignal;
}
