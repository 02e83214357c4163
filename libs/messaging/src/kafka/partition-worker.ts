import type { KafkaMessage } from 'kafkajs';
import { describeError, type MessagingLogger } from '../logger';
import type { ConsumerSubscription } from '../messaging.port';
import { DEFAULT_MAX_ATTEMPTS, deliverWithRetries, Stopping, type Backoff } from '../retry';
import { decodeCollabEvent } from './cloud-event.codec';
import type { DeadLetterPublisher } from './dead-letter-publisher';

export interface PartitionWorkerOptions {
  readonly subscription: ConsumerSubscription;
  readonly deadLetters: DeadLetterPublisher;
  readonly backoff: Backoff;
  readonly signal: AbortSignal;
  readonly logger: MessagingLogger;
}

export interface SourcedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

/** What happens to one Kafka message: decode, hand over with retries, or dead-letter. */
export class PartitionWorker {
  constructor(private readonly options: PartitionWorkerOptions) {}

  /**
   * Resolves true when the message is done (handled or dead-lettered) and its offset may be
   * committed; false when the consumer is stopping and the message must be delivered again.
   */
  async process(sourced: SourcedMessage, heartbeat: () => Promise<void>): Promise<boolean> {
    const { subscription, signal } = this.options;
    const decoded = decodeCollabEvent(sourced.message.value, sourced.message.headers);
    if (!decoded.ok) return this.deadLetter(sourced, { name: 'UndecodableMessage', message: decoded.reason }, 0);
    const outcome = await deliverWithRetries(() => subscription.handle(decoded.event), {
      maxAttempts: subscription.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoff: this.options.backoff,
      signal,
      // A member that does not heartbeat during a long retry is thrown out of the group.
      betweenAttempts: heartbeat,
    });
    switch (outcome.kind) {
      case 'handled':
        return true;
      case 'stopped':
        return false;
      case 'exhausted':
        return this.deadLetter(sourced, describeError(outcome.error), outcome.attempts);
    }
  }

  private async deadLetter(sourced: SourcedMessage, error: { name: string; message: string }, attempts: number): Promise<boolean> {
    const { subscription, logger } = this.options;
    const where = { topic: sourced.topic, partition: sourced.partition, offset: sourced.message.offset };
    logger.error({ consumer: subscription.consumerName, ...where, attempts, error }, 'message dead-lettered');
    try {
      await this.options.deadLetters.publish(
        sourced.message,
        { consumerName: subscription.consumerName, errorName: error.name, errorMessage: error.message, attempts, ...where },
        this.options.signal,
      );
      return true;
    } catch (failure) {
      if (failure instanceof Stopping) return false;
      throw failure;
    }
  }
}
