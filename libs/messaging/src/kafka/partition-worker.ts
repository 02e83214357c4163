import type { KafkaMessage } from 'kafkajs';
import { PoisonEvent, settle, Stopped } from '@collab/following';
import { describeError, type MessagingLogger } from '../logger';
import type { ConsumerSubscription } from '../messaging.port';
import { processInSpan } from '../tracing/message-spans';
import { decodeCollabEvent } from './cloud-event.codec';
import type { DeadLetterPublisher } from './dead-letter-publisher';
import type { KafkaParking } from './kafka-parking';

export interface PartitionWorkerOptions {
  readonly subscription: ConsumerSubscription;
  readonly deadLetters: DeadLetterPublisher;
  readonly parking: KafkaParking;
  readonly signal: AbortSignal;
  readonly logger: MessagingLogger;
}

export interface SourcedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

/**
 * What happens to one Kafka message (DESIGN §3 "Errors"): decode; a key parked behind an earlier
 * dead letter waits behind it; otherwise the handler, with infrastructure faults retried without
 * limit (the partition waits, heartbeating) and poison dead-lettered — to the `.dlq` topic with
 * headers naming the error, and to the consumer's dead letters, parking the key.
 */
export class PartitionWorker {
  constructor(private readonly options: PartitionWorkerOptions) {}

  /**
   * Resolves true when the message is done (handled or dead-lettered) and its offset may be
   * committed; false when the consumer is stopping and the message must be delivered again.
   */
  async process(sourced: SourcedMessage, heartbeat: () => Promise<void>): Promise<boolean> {
    const { subscription, signal, parking } = this.options;
    const key = sourced.message.key?.toString() ?? '';
    try {
      await parking.settled(key);
      const decoded = decodeCollabEvent(sourced.message.value, sourced.message.headers);
      if (!decoded.ok) return await this.deadLetter(sourced, key, new PoisonEvent(decoded.reason), 0);
      if (parking.isParked(key)) return await this.deadLetter(sourced, key, new Error(`waits behind an earlier dead letter of ${key}`), 0);
      const { event } = decoded;
      const consumed = { topic: sourced.topic, partition: sourced.partition, offset: sourced.message.offset, consumerName: subscription.consumerName };
      const outcome = await settle(() => processInSpan(event, consumed, () => subscription.handle(event)), {
        signal,
        whileWaiting: heartbeat,
        onRetry: ({ fault, attempts, delayMs, error }) =>
          this.options.logger.warn({ consumer: subscription.consumerName, partition: sourced.partition, offset: sourced.message.offset, fault, attempts, delayMs, error: describeError(error).message }, 'handler failed; the partition waits and retries'),
      });
      return outcome.kind === 'handled' || (await this.deadLetter(sourced, key, outcome.error, outcome.attempts));
    } catch (error) {
      if (error instanceof Stopped) return false;
      throw error;
    }
  }

  private async deadLetter(sourced: SourcedMessage, key: string, error: unknown, attempts: number): Promise<boolean> {
    const { subscription, logger, parking } = this.options;
    const where = { topic: sourced.topic, partition: sourced.partition, offset: sourced.message.offset };
    const described = describeError(error);
    const cause = { name: error instanceof PoisonEvent ? 'UndecodableMessage' : described.name, message: described.message };
    logger.error({ consumer: subscription.consumerName, ...where, attempts, error: cause }, 'message dead-lettered; its key is parked');
    await parking.park(key, sourced.message, { error: cause, attempts, signal: this.options.signal });
    await this.options.deadLetters.publish(
      sourced.message,
      { consumerName: subscription.consumerName, errorName: cause.name, errorMessage: cause.message, attempts, ...where },
      this.options.signal,
    );
    return true;
  }
}
