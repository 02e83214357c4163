import type { Consumer, Kafka } from 'kafkajs';
import { consoleMessagingLogger, type MessagingLogger } from '../logger';
import type { ConsumerSubscription, EventConsumerPort, RunningConsumer } from '../messaging.port';
import { DEFAULT_HANDLER_BACKOFF, type Backoff } from '../retry';
import { createKafka, DEFAULT_PARTITIONS, ensureTopics, serviceTopics, type KafkaConnectionOptions } from './kafka-connection';
import { PartitionWorker } from './partition-worker';
import { DeadLetterPublisher } from './dead-letter-publisher';

export interface KafkaEventConsumerOptions {
  readonly kafka: KafkaConnectionOptions;
  /** Partitions of the source topic and its `.dlq` if this consumer is the one creating them; default 3. */
  readonly partitions?: number;
  /** Between a failing handler's attempts; default 100 ms doubling to 2 s. */
  readonly handlerBackoff?: Backoff;
  /** A new group starts at the oldest retained message (default) rather than only new ones. */
  readonly fromBeginning?: boolean;
  readonly sessionTimeoutMs?: number;
  /** Longest a fetch waits for data; also how long stop() may wait for an idle fetch. Default 1 s. */
  readonly maxWaitTimeMs?: number;
  /** consume() rejects when the group was not joined within this; default 30 s. */
  readonly joinTimeoutMs?: number;
  readonly logger?: MessagingLogger;
}

/**
 * The distributed mode's transport: a Kafka consumer group (group id = consumer name) on the
 * source service's topic. Offsets are committed only for messages whose handler succeeded or that
 * were dead-lettered, so a crash or a rebalance redelivers, never skips (at least once; handlers
 * are idempotent, see `ProcessedEvents`). A handler failing `maxAttempts` times, or a message that
 * is not a collab CloudEvent, is copied to the `.dlq` topic with headers naming the error, and the
 * partition moves on: one poison message never blocks it.
 */
export class KafkaEventConsumer implements EventConsumerPort {
  private readonly logger: MessagingLogger;

  constructor(private readonly options: KafkaEventConsumerOptions) {
    this.logger = options.logger ?? consoleMessagingLogger;
  }

  async consume(subscription: ConsumerSubscription): Promise<RunningConsumer> {
    const { options } = this;
    const kafka = createKafka(options.kafka, this.logger);
    const topics = serviceTopics(subscription.source, options.kafka);
    await ensureTopics(kafka, topics, options.partitions ?? DEFAULT_PARTITIONS);
    const deadLetters = new DeadLetterPublisher(kafka, topics.deadLetters, this.logger);
    await deadLetters.connect();
    const consumer = this.newConsumer(kafka, subscription.consumerName);
    const abort = new AbortController();
    const worker = new PartitionWorker({
      subscription,
      deadLetters,
      backoff: options.handlerBackoff ?? DEFAULT_HANDLER_BACKOFF,
      signal: abort.signal,
      logger: this.logger,
    });
    const stop = async (): Promise<void> => {
      abort.abort();
      await consumer.disconnect();
      await deadLetters.disconnect();
    };
    try {
      await this.run(consumer, topics.events, worker);
    } catch (error) {
      await stop();
      throw error;
    }
    return { stop };
  }

  private newConsumer(kafka: Kafka, groupId: string): Consumer {
    return kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 1_000,
      ...(this.options.sessionTimeoutMs === undefined ? {} : { sessionTimeout: this.options.sessionTimeoutMs }),
    });
  }

  private async run(consumer: Consumer, topic: string, worker: PartitionWorker): Promise<void> {
    const joined = this.firstJoin(consumer);
    joined.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: this.options.fromBeginning ?? true });
    await consumer.run({
      // Offsets are resolved one by one below, only once a message is done; kafkajs commits the
      // resolved ones after each batch and before it gives partitions away in a rebalance.
      autoCommit: true,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const heartbeat = (): Promise<void> => payload.heartbeat();
        for (const message of batch.messages) {
          // Stale: the partition was revoked or seeked meanwhile; its new owner takes over.
          if (!payload.isRunning() || payload.isStale()) return;
          const done = await worker.process({ topic: batch.topic, partition: batch.partition, message }, heartbeat);
          if (!done) return;
          payload.resolveOffset(message.offset);
          await heartbeat();
        }
      },
    });
    await joined;
  }

  /** Resolves on the first group join, so a caller knows partitions are assigned when consume() returns. */
  private firstJoin(consumer: Consumer): Promise<void> {
    const timeoutMs = this.options.joinTimeoutMs ?? 30_000;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumer group not joined within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
      const removeJoin = consumer.on(consumer.events.GROUP_JOIN, () => {
        clearTimeout(timer);
        removeJoin();
        removeCrash();
        resolve();
      });
      const removeCrash = consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart) return;
        clearTimeout(timer);
        removeJoin();
        removeCrash();
        reject(payload.error);
      });
    });
  }
}
