import type { ServiceContract } from '@collab/contracts';
import type { RecordedEvent } from '@collab/event-store';
import { Stopped, unlessStopped, type BatchHandler, type FollowerBatch } from '@collab/following';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { isPublished, toCollabEvent } from '../envelope';
import { consoleMessagingLogger, type MessagingLogger } from '../logger';
import { publishSpans } from '../tracing/message-spans';
import { encodeCollabEvent } from './cloud-event.codec';
import { createKafka, DEFAULT_PARTITIONS, ensureTopics, serviceTopics, type KafkaConnectionOptions } from './kafka-connection';

export interface KafkaEventRelayOptions {
  readonly contract: ServiceContract;
  readonly kafka: KafkaConnectionOptions;
  /** Partitions of the topic and its `.dlq` when the relay creates them; default 3. */
  readonly partitions?: number;
  readonly logger?: MessagingLogger;
}

export const relayCheckpointName = (contract: ServiceContract): string => `relay:${contract.service}`;

/** The broker refused a batch as too large for one request: sent again in halves. */
const isTooLarge = (error: unknown): boolean => {
  const { type, message } = (error ?? {}) as { type?: unknown; message?: unknown };
  return type === 'MESSAGE_TOO_LARGE' || type === 'RECORD_LIST_TOO_LARGE' || (typeof message === 'string' && /too large/i.test(message));
};

/**
 * Publishes one service's log to `collab.<service>.events.v1` (DESIGN §3, §5): every event whose
 * type the contract publishes, as a structured-mode CloudEvent keyed by stream id, so one case's
 * events stay in order. It runs as a follower of the log (one replica holds its lease `relay:<service>`)
 * and its checkpoint moves only past batches the broker acknowledged (acks=all): at least once,
 * never skipped. A failed send replaces the producer (a fresh producer id, so no stale sequence
 * numbers) and fails the batch, which the runtime retries without limit while the broker is away;
 * a batch the broker refuses as too large goes again in halves.
 */
export class KafkaEventRelay implements BatchHandler {
  readonly checkpointNames: readonly string[];
  private readonly logger: MessagingLogger;
  private readonly kafka: Kafka;
  private readonly topic: string;
  private producer: Producer | undefined;
  private connected: Promise<Producer> | undefined;
  /** The next batch's messages, encoded while the previous batch was being acknowledged (by event). */
  private prepared = new Map<RecordedEvent, Message>();
  /** Counts batches, so an encoding ahead that lands after its batch began is dropped, not kept for the one after. */
  private turn = 0;

  constructor(private readonly options: KafkaEventRelayOptions) {
    this.logger = options.logger ?? consoleMessagingLogger;
    this.kafka = createKafka(options.kafka, this.logger);
    this.topic = serviceTopics(options.contract.service, options.kafka).events;
    this.checkpointNames = [relayCheckpointName(options.contract)];
  }

  /** Internal event types stay inside the service; the checkpoint still moves past them. */
  wants(event: RecordedEvent): boolean {
    return isPublished(this.options.contract, event.type);
  }

  async handle(batch: FollowerBatch): Promise<'deferred'> {
    const prepared = this.prepared;
    this.prepared = new Map();
    this.turn += 1;
    const messages = batch.events.map((event) => prepared.get(event) ?? this.encode(event));
    // Each traced event's publication continues the trace it was appended in (the span is not made
    // active: the producer's connections must not inherit a request's context).
    const spans = publishSpans(this.topic, batch.events);
    try {
      const sent = this.publish(messages, batch.signal);
      this.prepareNext(batch);
      await sent;
      spans.end();
    } catch (error) {
      spans.end(error);
      throw error;
    }
    return 'deferred';
  }

  private encode(event: RecordedEvent): Message {
    return encodeCollabEvent(toCollabEvent(this.options.contract, event));
  }

  /**
   * Encodes the next batch while the broker acknowledges this one, so the encoding is off the path
   * from one send to the next (one send in flight still, so per-key order and the idempotent
   * producer's exactly-once are as before). Deferred to the check phase so it runs once this
   * batch's request is on the wire, not before. Only a cache: the next batch uses what was
   * prepared for its very events and encodes the rest itself; an event that fails to encode here
   * is left for the batch to fail on. It saves time only while the process has CPU to spare during
   * the wait; on a saturated machine the relay's CPU (reading, encoding) is the limit either way.
   */
  private prepareNext(batch: FollowerBatch): void {
    const turn = this.turn;
    const encode = (events: readonly RecordedEvent[]): void => {
      if (turn === this.turn && !batch.signal.aborted && events.length > 0) this.prepared = this.encodeAhead(events);
    };
    batch.ahead().then(
      (events) => void setImmediate(encode, events),
      () => undefined,
    );
  }

  private encodeAhead(events: readonly RecordedEvent[]): Map<RecordedEvent, Message> {
    const prepared = new Map<RecordedEvent, Message>();
    for (const event of events) {
      try {
        prepared.set(event, this.encode(event));
      } catch {
        break;
      }
    }
    return prepared;
  }

  async close(): Promise<void> {
    await this.replaceProducer();
  }

  private async publish(messages: readonly Message[], signal: AbortSignal): Promise<void> {
    const producer = await unlessStopped(this.ready(), signal);
    try {
      await this.send(producer, messages, signal);
    } catch (error) {
      if (!(error instanceof Stopped)) await this.replaceProducer();
      throw error;
    }
  }

  private async send(producer: Producer, messages: readonly Message[], signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new Stopped();
    try {
      await unlessStopped(producer.send({ topic: this.topic, messages: [...messages], acks: -1 }), signal);
    } catch (error) {
      if (!isTooLarge(error) || messages.length < 2) throw error;
      const half = Math.ceil(messages.length / 2);
      this.logger.warn({ topic: this.topic, messages: messages.length }, 'the broker refused the batch as too large; sending it in halves');
      await this.send(producer, messages.slice(0, half), signal);
      await this.send(producer, messages.slice(half), signal);
    }
  }

  /** Topics and producer on first use, so a broker that is away at start delays the relay, not the service. */
  private ready(): Promise<Producer> {
    this.connected ??= (async () => {
      await ensureTopics(this.kafka, serviceTopics(this.options.contract.service, this.options.kafka), this.options.partitions ?? DEFAULT_PARTITIONS);
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded so an outage comes back to the runtime's loop, which logs, waits and tries again.
        retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1_000 },
      });
      this.producer = producer;
      await producer.connect();
      return producer;
    })();
    this.connected.catch(() => (this.connected = undefined));
    return this.connected;
  }

  private async replaceProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.connected = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}
