import type { KafkaMessage } from 'kafkajs';
import type { CollabEvent } from '@collab/contracts';
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
  /**
   * For a subscription that `sharesBatchTransaction`: runs a batch's handlings in one transaction
   * (`batchTransactionOn`), so a batch costs one commit instead of one per message.
   */
  readonly together?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** How a batch went as one transaction: committed whole, to be handled message by message, or stopping. */
export type TogetherOutcome = 'committed' | 'one-by-one' | 'stopped';

/** What `processByKeys` needs of the fetched batch it works on. */
export interface KeyedBatchRun {
  /** Keeps the member in its group while the work goes on. */
  readonly heartbeat: () => Promise<void>;
  /** False once no new message may be started: the member stops, or the partition was revoked or seeked. */
  readonly live: () => boolean;
  /** Every message of the batch up to and including this offset is done (called in rising order). */
  readonly doneUpTo: (offset: string) => void;
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

  /**
   * A fetched batch of one partition, message by message (`process`), with up to `concurrentKeys`
   * messages at work at once: a message starts only once the message before it of the same key is
   * done, so each key keeps its order, while messages of other keys overlap. Done is reported only
   * up to the first message that is not (a gap waits for it), so a commit never passes unfinished
   * work; what was done beyond the gap when the batch ends early is delivered again (handlers are
   * idempotent). A message whose key's earlier message did not finish (stopping) is not started.
   * Resolves when every started message settled; rethrows the first unexpected error after that.
   */
  async processByKeys(batch: readonly SourcedMessage[], concurrentKeys: number, run: KeyedBatchRun): Promise<void> {
    const done = batch.map(() => false);
    let firstNotDone = 0;
    let halted = false;
    let failure: { error: unknown } | undefined;
    const lastOfKey = new Map<string, Promise<boolean>>();
    const working = new Set<Promise<void>>();

    const work = async (index: number, after: Promise<boolean>): Promise<boolean> => {
      if (!(await after) || halted || !run.live()) return false;
      if (!(await this.process(batch[index]!, run.heartbeat))) {
        halted = true;
        return false;
      }
      done[index] = true;
      const from = firstNotDone;
      while (firstNotDone < batch.length && done[firstNotDone]) firstNotDone += 1;
      // Synchronous from the scan to here, so the offsets are reported in rising order.
      if (firstNotDone > from) {
        run.doneUpTo(batch[firstNotDone - 1]!.message.offset);
        await run.heartbeat();
      }
      return true;
    };

    for (let index = 0; index < batch.length; index += 1) {
      while (working.size >= Math.max(1, concurrentKeys) && !halted) await Promise.race(working);
      if (halted || !run.live()) break;
      const key = batch[index]!.message.key?.toString() ?? '';
      const task = work(index, lastOfKey.get(key) ?? Promise.resolve(true)).catch((error: unknown) => {
        halted = true;
        failure ??= { error };
        return false;
      });
      lastOfKey.set(key, task);
      const slot: Promise<void> = task.then(() => void working.delete(slot));
      working.add(slot);
    }
    await Promise.all(working);
    if (failure) throw failure.error;
  }

  /**
   * A whole batch of one partition in one transaction, when the subscription shares its batches:
   * only if every message decodes and no key of the batch is parked. Any failure rolls the batch
   * back (the inbox ledger with it) and answers 'one-by-one': the caller then handles the messages
   * with `process`, where faults are retried and poison is dead-lettered one message at a time.
   */
  async processTogether(batch: readonly SourcedMessage[]): Promise<TogetherOutcome> {
    const { subscription, signal, together } = this.options;
    const decoded = together ? await this.decodedUnparked(batch) : undefined;
    if (!together || !decoded || decoded.length === 0) return 'one-by-one';
    try {
      await together(async () => {
        for (const { sourced, event } of decoded) {
          if (signal.aborted) throw new Stopped();
          const consumed = { topic: sourced.topic, partition: sourced.partition, offset: sourced.message.offset, consumerName: subscription.consumerName };
          await processInSpan(event, consumed, () => subscription.handle(event));
        }
      });
      return 'committed';
    } catch (error) {
      if (signal.aborted || error instanceof Stopped) return 'stopped';
      this.options.logger.warn(
        { consumer: subscription.consumerName, partition: batch[0]!.partition, messages: batch.length, error: describeError(error).message },
        'batch not handled as one transaction; handling it message by message',
      );
      return 'one-by-one';
    }
  }

  /** The batch's events, once no replay of their keys runs; undefined when one does not decode or its key is parked. */
  private async decodedUnparked(batch: readonly SourcedMessage[]): Promise<{ sourced: SourcedMessage; event: CollabEvent }[] | undefined> {
    const { parking } = this.options;
    const decoded: { sourced: SourcedMessage; event: CollabEvent }[] = [];
    for (const sourced of batch) {
      const key = sourced.message.key?.toString() ?? '';
      await parking.settled(key);
      const message = decodeCollabEvent(sourced.message.value, sourced.message.headers);
      if (!message.ok || parking.isParked(key)) return undefined;
      decoded.push({ sourced, event: message.event });
    }
    return decoded;
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
