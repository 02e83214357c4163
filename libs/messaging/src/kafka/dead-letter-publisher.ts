import { Partitioners, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { untilDone } from '@collab/following';
import type { MessagingLogger } from '../logger';
import { deadLetterHeaders, type DeadLetterCause } from './dead-letter-headers';

/**
 * Copies a message the consumer gives up on to the source's `.dlq` topic: same key and value,
 * the original headers plus the `collab-dlq-*` ones, for analysts and operators to read without our
 * code. The consumer commits past the message only after this resolved, so a broker outage here
 * delays the partition but never drops the message.
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
    await untilDone(
      () => this.producer.send({ topic: this.topic, acks: -1, messages: [{ key: message.key, value: message.value, headers }] }),
      signal,
      ({ error, attempt, delayMs }) => this.logger.warn({ topic: this.topic, error, attempt, delayMs }, 'dead-lettering failed; retrying'),
    );
  }
}
