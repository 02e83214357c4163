import { Partitioners, type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import { backoffDelay, INFRASTRUCTURE_BACKOFF, pauseUnlessStopped, Stopped, type SqlExecutor } from '@collab/following';
import { consoleMessagingLogger, describeError, type MessagingLogger } from '../logger';
import type { ConsumerSubscription, EventConsumerPort, RunningConsumer } from '../messaging.port';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { createKafka, DEFAULT_PARTITIONS, ensureTopics, serviceTopics, type KafkaConnectionOptions } from './kafka-connection';
import { KafkaParking } from './kafka-parking';
import { PartitionWorker } from './partition-worker';
import { batchTransactionOn } from '../postgres/processed-events';
import type { TransactionalPool } from '../postgres/sql';

export interface KafkaEventConsumerOptions {
  readonly kafka: KafkaConnectionOptions;
  /** Partitions of the source topic and its `.dlq` if this consumer is the one creating them; default 3. */
  readonly partitions?: number;
  /** A new group starts at the oldest retained message (default) rather than only new ones. */
  readonly fromBeginning?: boolean;
  /** Default 10 s (kafkajs: 30 s); see DEFAULT_SESSION_TIMEOUT_MS. */
  readonly sessionTimeoutMs?: number;
  /** Longest a fetch waits for data; also how long stop() may wait for an idle fetch. Default 1 s. */
  readonly maxWaitTimeMs?: number;
  /** The consuming service's database and schema, where parked keys and dead letters are kept. */
  readonly store?: { readonly db: SqlExecutor; readonly home: string };
  /**
   * Where a subscription that `sharesBatchTransaction` handles each fetched batch of a partition in
   * one transaction (the service's pool); without it every message is its own.
   */
  readonly transactions?: TransactionalPool;
  readonly logger?: MessagingLogger;
}

/**
 * How long the group coordinator keeps a member that stopped heartbeating. A broker restart forgets
 * no member: the reloaded group still lists the members of before, and every join waits for them
 * until their session runs out. With kafkajs' 30 s, the broker-outage spec saw no case routed for
 * 35 s after the broker was back; 10 s (heartbeats every 1 s) bounds that pause, and also how long
 * the partitions of a replica that died wait for another.
 */
const DEFAULT_SESSION_TIMEOUT_MS = 10_000;

export interface ConsumerStatus {
  readonly consumer: string;
  readonly joined: boolean;
  readonly lastError?: string;
}

/**
 * The distributed mode's transport: a Kafka consumer group (group id = consumer name) on the
 * source service's topic. consume() returns at once; a member that cannot reach the broker or join
 * its group keeps trying with a capped backoff (its status says so, and /ready with it), so a start
 * never fails for a broker that is away. Offsets are committed only for messages handled or
 * dead-lettered: a crash or a rebalance redelivers, never skips (handlers are idempotent). Each
 * partition is worked on its own, so one waiting on a retry does not hold up the others. A
 * subscription that shares its batches has each fetched batch handled in one transaction; one that
 * declares `concurrentKeys` has that many keys of a batch handled at once, each key in order.
 */
export class KafkaEventConsumer implements EventConsumerPort {
  private readonly logger: MessagingLogger;
  private readonly members: KafkaMember[] = [];

  constructor(private readonly options: KafkaEventConsumerOptions) {
    this.logger = options.logger ?? consoleMessagingLogger;
  }

  consume(subscription: ConsumerSubscription): Promise<RunningConsumer> {
    const member = new KafkaMember(subscription, this.options, this.logger);
    this.members.push(member);
    member.start();
    return Promise.resolve({ stop: () => member.stop(), joined: () => member.firstJoin });
  }

  status(): ConsumerStatus[] {
    return this.members.map((member) => member.status());
  }
}

/** One consumer group member, supervised: connect, join, run; after a crash, again after a pause. */
class KafkaMember {
  private readonly abort = new AbortController();
  private readonly kafka: Kafka;
  private readonly parking: KafkaParking;
  private running: Promise<void> = Promise.resolve();
  private consumer: Consumer | undefined;
  private joined = false;
  private lastError: string | undefined;
  private assigned = new Set<number>();
  private resolveJoin: () => void = () => undefined;
  readonly firstJoin = new Promise<void>((resolve) => (this.resolveJoin = resolve));

  constructor(
    private readonly subscription: ConsumerSubscription,
    private readonly options: KafkaEventConsumerOptions,
    private readonly logger: MessagingLogger,
  ) {
    this.kafka = createKafka(options.kafka, logger);
    this.parking = new KafkaParking({ consumerName: subscription.consumerName, logger, ...(options.store ? { store: options.store } : {}) });
  }

  status(): ConsumerStatus {
    return { consumer: this.subscription.consumerName, joined: this.joined, ...(this.lastError === undefined ? {} : { lastError: this.lastError }) };
  }

  start(): void {
    this.running = this.supervise();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.running;
  }

  private async supervise(): Promise<void> {
    const signal = this.abort.signal;
    for (let failures = 0; !signal.aborted; failures += 1) {
      const deadLetters = new DeadLetterPublisher(this.kafka, serviceTopics(this.subscription.source, this.options.kafka).deadLetters, this.logger);
      try {
        // Runs until the member crashes or stops; a crash's reason is kept for /ready.
        this.lastError = (await this.runOnce(deadLetters)) ?? this.lastError;
      } catch (error) {
        this.lastError = describeError(error).message;
        this.logger.warn({ consumer: this.subscription.consumerName, error: this.lastError, failures }, 'consumer could not run; trying again');
      }
      this.joined = false;
      await this.consumer?.disconnect().catch(() => undefined);
      await deadLetters.disconnect();
      if (!signal.aborted) await pauseUnlessStopped(backoffDelay(failures + 1, INFRASTRUCTURE_BACKOFF), signal).catch(() => undefined);
    }
  }

  /** Connects and runs; settles (with the reason) when the member crashed or stopped. */
  private async runOnce(deadLetters: DeadLetterPublisher): Promise<string | undefined> {
    const { source } = this.subscription;
    const topics = serviceTopics(source, this.options.kafka);
    await ensureTopics(this.kafka, topics, this.options.partitions ?? DEFAULT_PARTITIONS);
    await deadLetters.connect();
    const consumer = this.newConsumer();
    this.consumer = consumer;
    const ended = this.endOf(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topics.events], fromBeginning: this.options.fromBeginning ?? true });
    const { transactions } = this.options;
    const together = transactions && this.subscription.sharesBatchTransaction ? batchTransactionOn(transactions) : undefined;
    const worker = new PartitionWorker({ subscription: this.subscription, deadLetters, parking: this.parking, signal: this.abort.signal, logger: this.logger, ...(together ? { together } : {}) });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitions ?? DEFAULT_PARTITIONS,
      eachBatch: async (payload) => {
        const { batch } = payload;
        if (await this.handledTogether(worker, payload)) return;
        await worker.processByKeys(
          batch.messages.map((message) => ({ topic: batch.topic, partition: batch.partition, message })),
          this.subscription.concurrentKeys ?? 1,
          {
            heartbeat: () => payload.heartbeat(),
            // Stale: the partition was revoked or seeked meanwhile; its new owner takes over.
            live: () => payload.isRunning() && !payload.isStale(),
            doneUpTo: (offset) => payload.resolveOffset(offset),
          },
        );
      },
    });
    return ended;
  }

  /**
   * The batch in one transaction, if its subscription shares batches: true when nothing is left to
   * do with it (committed, or the member is stopping); false when it is to be handled message by message.
   */
  private async handledTogether(worker: PartitionWorker, payload: EachBatchPayload): Promise<boolean> {
    const { batch } = payload;
    if (!payload.isRunning() || payload.isStale()) return true;
    const together = await worker.processTogether(batch.messages.map((message) => ({ topic: batch.topic, partition: batch.partition, message })));
    if (together === 'one-by-one') return false;
    // Committed in the database: a partition revoked meanwhile goes again to its new owner, and the inbox passes what is done.
    if (together === 'committed' && payload.isRunning() && !payload.isStale()) {
      payload.resolveOffset(batch.messages[batch.messages.length - 1]!.offset);
      await payload.heartbeat();
    }
    return true;
  }

  private newConsumer(): Consumer {
    return this.kafka.consumer({
      // Prefixed like the topics: an environment sharing the cluster has its own offsets too.
      groupId: `${this.options.kafka.topicPrefix ?? ''}${this.subscription.consumerName}`,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 1_000,
      sessionTimeout: this.options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS,
      heartbeatInterval: Math.min(1_000, Math.floor((this.options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS) / 3)),
    });
  }

  /** Watches the member: joins (and the partitions they bring), and the crash or stop that ends this run. */
  private endOf(consumer: Consumer): Promise<string | undefined> {
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.joined = true;
      this.lastError = undefined;
      const topic = serviceTopics(this.subscription.source, this.options.kafka).events;
      this.assigned = new Set(payload.memberAssignment[topic] ?? []);
      this.parking.reload(this.abort.signal);
      this.resolveJoin();
      void this.serveReplays();
    });
    return new Promise((resolve) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        this.joined = false;
        if (!payload.restart) resolve(describeError(payload.error).message);
      });
      consumer.on(consumer.events.STOP, () => resolve(undefined));
      this.abort.signal.addEventListener('abort', () => resolve(undefined), { once: true });
    });
  }

  /** The topic's own partition count, for telling which partition a key lives in. */
  private async partitionCount(): Promise<number> {
    const topic = serviceTopics(this.subscription.source, this.options.kafka).events;
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      return topics[0]?.partitions.length ?? this.options.partitions ?? DEFAULT_PARTITIONS;
    } catch {
      return this.options.partitions ?? DEFAULT_PARTITIONS;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** While joined, every few seconds: the replays an operator asked for, for keys of partitions held here. */
  private async serveReplays(): Promise<void> {
    const partitions = await this.partitionCount();
    const partitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
    const holds = (key: string): boolean => this.assigned.has(partitioner({ topic: '', partitionMetadata, message: { key, value: null } }));
    while (this.joined && !this.abort.signal.aborted) {
      await this.parking.replay(holds, (event) => this.subscription.handle(event), this.abort.signal).catch((error: unknown) => {
        if (!(error instanceof Stopped)) this.logger.warn({ consumer: this.subscription.consumerName, error: describeError(error).message }, 'replay failed; trying again');
      });
      await pauseUnlessStopped(2_000, this.abort.signal).catch(() => undefined);
    }
  }
}
