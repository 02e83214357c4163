import type { ServiceContract } from '@collab/contracts';
import type { CheckpointStore, EventStore, RecordedEvent } from '@collab/event-store';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { CheckpointedLogFollower } from '../checkpointed-log-follower';
import { isPublished, toCollabEvent } from '../envelope';
import { consoleMessagingLogger, type MessagingLogger } from '../logger';
import type { EventRelayPort, RunningRelay } from '../messaging.port';
import { backoffDelay, pause, Stopping, unlessStopped, type Backoff } from '../retry';
import { encodeCollabEvent } from './cloud-event.codec';
import { createKafka, DEFAULT_PARTITIONS, ensureTopics, serviceTopics, type KafkaConnectionOptions } from './kafka-connection';

export interface KafkaEventRelayOptions {
  readonly eventStore: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly contract: ServiceContract;
  readonly kafka: KafkaConnectionOptions;
  /** Partitions of the topic and its `.dlq` when the relay creates them; default 3. */
  readonly partitions?: number;
  /** Events read from the log and sent per produce call; default 500. */
  readonly batchSize?: number;
  /** Between attempts to publish a batch while the broker is unreachable; default 200 ms doubling to 5 s. */
  readonly publishBackoff?: Backoff;
  readonly logger?: MessagingLogger;
}

export const relayCheckpointName = (contract: ServiceContract): string => `relay:${contract.service}`;

const DEFAULT_PUBLISH_BACKOFF: Backoff = { initialMs: 200, maxMs: 5_000 };

/**
 * Publishes one service's global log to `collab.<service>.events.v1` (DESIGN.md §3, §5): every
 * event whose type the contract publishes, as a structured-mode CloudEvent keyed by stream id.
 * The checkpoint `relay:<service>` moves past a batch only after the broker acknowledged all of it
 * (acks=all), so a crash or an outage repeats a batch and never skips one: at least once, in order
 * per stream. While the broker is unreachable the same batch is retried with bounded backoff.
 */
export class KafkaEventRelay implements EventRelayPort {
  private readonly logger: MessagingLogger;

  constructor(private readonly options: KafkaEventRelayOptions) {
    this.logger = options.logger ?? consoleMessagingLogger;
  }

  async start(): Promise<RunningRelay> {
    const { options } = this;
    const kafka = createKafka(options.kafka, this.logger);
    const topics = serviceTopics(options.contract.service, options.kafka);
    await ensureTopics(kafka, topics, options.partitions ?? DEFAULT_PARTITIONS);
    const publisher = new AckedPublisher(kafka, topics.events, options.publishBackoff ?? DEFAULT_PUBLISH_BACKOFF, this.logger);
    await publisher.connect();
    const follower = new CheckpointedLogFollower({
      eventStore: options.eventStore,
      checkpoints: options.checkpoints,
      checkpointName: relayCheckpointName(options.contract),
      handleBatch: (batch, signal) => publisher.publish(this.messagesOf(batch), signal),
      restartBackoff: options.publishBackoff ?? DEFAULT_PUBLISH_BACKOFF,
      logger: this.logger,
      batchSize: options.batchSize ?? 500,
    });
    try {
      await follower.start();
    } catch (error) {
      await publisher.disconnect();
      throw error;
    }
    return {
      stop: async () => {
        await follower.stop();
        await publisher.disconnect();
      },
    };
  }

  private messagesOf(batch: readonly RecordedEvent[]): Message[] {
    const { contract } = this.options;
    // Internal event types stay inside the service; the checkpoint still moves past them.
    return batch.filter((event) => isPublished(contract, event.type)).map((event) => encodeCollabEvent(toCollabEvent(contract, event)));
  }
}

/**
 * Sends a batch until the broker acknowledged it. The producer is idempotent with one request in
 * flight, so kafkajs's own retries neither duplicate nor reorder; when a send still fails, the
 * producer is replaced (new producer id, clean sequence numbers) before the batch is sent again.
 * A resend after an ambiguous failure may duplicate, never lose: consumers are idempotent.
 */
class AckedPublisher {
  private producer: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly backoff: Backoff,
    private readonly logger: MessagingLogger,
  ) {
    this.producer = this.newProducer();
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }

  async publish(messages: Message[], signal: AbortSignal): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (signal.aborted) throw new Stopping();
      if (messages.length === 0) return;
      try {
        await unlessStopped(this.producer.send({ topic: this.topic, messages, acks: -1 }), signal);
        return;
      } catch (error) {
        if (error instanceof Stopping) throw error;
        const delayMs = backoffDelay(attempt, this.backoff);
        this.logger.warn({ topic: this.topic, error, attempt, delayMs, messages: messages.length }, 'publishing failed; retrying the same batch');
        await pause(delayMs, signal);
        await this.replaceProducer(signal);
      }
    }
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded so a long outage comes back to the relay's own loop, which logs and replaces the producer.
      retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 },
    });
  }

  private async replaceProducer(signal: AbortSignal): Promise<void> {
    await this.disconnect();
    this.producer = this.newProducer();
    // A failed connect is not reported here: the next send fails and says what is wrong.
    await unlessStopped(this.producer.connect(), signal).catch(() => undefined);
  }
}
