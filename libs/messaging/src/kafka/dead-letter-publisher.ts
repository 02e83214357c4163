import { Partitioners, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import type { MessagingLogger } from '../logger';
import { backoffDelay, pause, Stopping, unlessStopped, type Backoff } from '../retry';
import { deadLetterHeaders, type DeadLetterCause } from './dead-letter-headers';

const DLQ_BACKOFF: Backoff = { initialMs: 200, maxMs: 5_000 };

/**
 * Copies a message the consumer gives up on to the source's `.dlq` topic: same key and value,
 * the original headers plus the `collab-dlq-*` ones. The consumer commits past the message only
 * after this resolved, so a broker outage here delays the partition but never drops the message.
 */
export class DeadLetterPublisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topic: string,
    private readonly logger: MessagingLogger,
  ) {
    this.producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }

  async publish(message: KafkaMessage, cause: DeadLetterCause, signal: AbortSignal): Promise<void> {
    const headers = { ...(message.headers ?? {}), ...deadLetterHeaders(cause, new Date()) };
    for (let attempt = 1; ; attempt += 1) {
      if (signal.aborted) throw new Stopping();
      try {
        await unlessStopped(this.producer.send({ topic: this.topic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] }), signal);
        return;
      } catch (error) {
        if (error instanceof Stopping) throw error;
        const delayMs = backoffDelay(attempt, DLQ_BACKOFF);
        this.logger.warn({ topic: this.topic, error, attempt, delayMs }, 'dead-lettering failed; retrying');
        await pause(delayMs, signal);
      }
    }
  }
}
