import type { KafkaMessage } from 'kafkajs';
import type { CollabEvent } from '@collab/contracts';
import { DeadLetterStore, settle, untilDone, type SqlExecutor } from '@collab/following';
import { describeError, type MessagingLogger } from '../logger';

export interface KafkaParkingOptions {
  readonly consumerName: string;
  /** The consuming service's database and schema; without them keys are parked in memory only (tests). */
  readonly store?: { readonly db: SqlExecutor; readonly home: string };
  readonly logger: MessagingLogger;
}

const valueOf = (message: KafkaMessage): unknown => {
  const text = message.value?.toString() ?? '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { undecodable: text };
  }
};

/**
 * The keys a Kafka consumer has parked behind a dead letter: later messages of the key are
 * dead-lettered behind it, in order, until an operator's replay hands them all to the handler again
 * (`npm run dlq`). The keys are kept in the consuming service's database, so a replica that takes a
 * partition over after a rebalance knows them; the replay is done by whoever holds the key's
 * partition, while that partition's new messages of the key wait for it.
 */
export class KafkaParking {
  private parked = new Set<string>();
  private loaded: Promise<void> = Promise.resolve();
  private readonly replaying = new Map<string, Promise<void>>();
  private readonly letters: DeadLetterStore | undefined;

  constructor(private readonly options: KafkaParkingOptions) {
    this.letters = options.store ? new DeadLetterStore(options.store.home) : undefined;
  }

  /** Reloads the parked keys (on every group join: partitions may have moved here). */
  reload(signal: AbortSignal): void {
    const { store } = this.options;
    if (!store || !this.letters) return;
    const letters = this.letters;
    this.loaded = untilDone(() => letters.parkedStreams(store.db, this.options.consumerName), signal, () => undefined).then(
      (keys) => void (this.parked = keys),
      () => undefined,
    );
  }

  /** Waits until the parked keys are known and no replay of `key` is running. */
  async settled(key: string): Promise<void> {
    await this.loaded;
    await this.replaying.get(key);
  }

  isParked(key: string): boolean {
    return this.parked.has(key);
  }

  async park(key: string, message: KafkaMessage, cause: { error: { name: string; message: string }; attempts: number; signal: AbortSignal }): Promise<void> {
    this.parked.add(key);
    const { store } = this.options;
    if (!store || !this.letters) return;
    const event = valueOf(message) as Partial<CollabEvent>;
    const letter = {
      follower: this.options.consumerName,
      eventId: typeof event.id === 'string' ? event.id : `offset:${message.offset}`,
      eventType: typeof event.type === 'string' ? event.type : 'undecodable',
      streamId: key,
      event,
      error: cause.error,
      attempts: cause.attempts,
    };
    await untilDone(() => this.letters!.record(store.db, letter), cause.signal, () => undefined);
  }

  /**
   * Serves an operator's replay requests for keys whose partition this replica holds: each key's
   * letters go to the handler again in order; the key is free once none is left.
   */
  async replay(holds: (key: string) => boolean, handle: (event: CollabEvent) => Promise<void>, signal: AbortSignal): Promise<void> {
    const { store } = this.options;
    if (!store || !this.letters || this.parked.size === 0) return;
    for (const key of await this.letters.replayRequests(store.db, this.options.consumerName)) {
      if (!holds(key) || this.replaying.has(key)) continue;
      const running = this.replayKey(key, handle, signal).finally(() => this.replaying.delete(key));
      this.replaying.set(key, running);
      await running;
    }
  }

  private async replayKey(key: string, handle: (event: CollabEvent) => Promise<void>, signal: AbortSignal): Promise<void> {
    const { store, consumerName, logger } = this.options;
    const letters = this.letters!;
    for (let pending = await letters.pendingOf(store!.db, consumerName, key); pending.length > 0; pending = await letters.pendingOf(store!.db, consumerName, key)) {
      for (const letter of pending) {
        const outcome = await settle(() => handle(letter.event as CollabEvent), { signal });
        if (outcome.kind === 'poison') {
          await letters.clearRequest(store!.db, consumerName, key);
          return logger.error({ consumer: consumerName, key, eventId: letter.eventId, error: describeError(outcome.error).message }, 'replay met the same poison; the key stays parked');
        }
        await letters.markReplayed(store!.db, letter.id);
      }
    }
    if (await letters.unparkIfDone(store!.db, consumerName, key)) this.parked.delete(key);
    logger.warn({ consumer: consumerName, key }, 'dead letters replayed; the key flows again');
  }
}
