import type { CheckpointStore, EventStore, RecordedEvent, Subscription } from '@collab/event-store';
import type { MessagingLogger } from './logger';
import { backoffDelay, pause, type Backoff } from './retry';

export interface CheckpointedFollowerOptions {
  readonly eventStore: EventStore;
  readonly checkpoints: CheckpointStore;
  /** e.g. `relay:intake` or `consumer:kpi-from-intake`. */
  readonly checkpointName: string;
  /**
   * Handles one batch completely or throws; the checkpoint moves past the batch only after it
   * resolves. Once the signal aborts it must throw (`Stopping`) instead of starting new work.
   */
  readonly handleBatch: (batch: readonly RecordedEvent[], signal: AbortSignal) => Promise<void>;
  readonly batchSize?: number;
  /** Wait before re-subscribing after a failure (broker down, database down). */
  readonly restartBackoff: Backoff;
  readonly logger: MessagingLogger;
}

/**
 * Follows one event store's global log from a stored checkpoint: handle a batch, then save the
 * batch's last position. At least once: a crash between the two repeats the batch, nothing is
 * skipped. The store's subscription ends when a handler throws (its contract leaves the restart
 * to the owner), so this class re-subscribes from the stored checkpoint after a bounded backoff
 * for as long as it runs.
 */
export class CheckpointedLogFollower {
  private readonly abort = new AbortController();
  private subscription: Subscription | undefined;
  private restarting: Promise<void> = Promise.resolve();
  private consecutiveFailures = 0;

  constructor(private readonly options: CheckpointedFollowerOptions) {}

  /** Loads the checkpoint and starts following; rejects when the checkpoint cannot be read. */
  async start(): Promise<void> {
    const after = await this.options.checkpoints.load(this.options.checkpointName);
    this.subscribe(after);
  }

  /** Interrupts retries and backoffs, then waits until no batch is in flight. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.restarting;
    await this.subscription?.stop();
  }

  private subscribe(after: bigint): void {
    const { eventStore, batchSize } = this.options;
    this.subscription = eventStore.subscribeToAll((batch) => this.onBatch(batch), {
      after,
      ...(batchSize === undefined ? {} : { batchSize }),
      onError: (error) => {
        this.restarting = this.restartAfter(error);
      },
    });
  }

  private async onBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1];
    if (!last) return;
    await this.options.handleBatch(batch, this.abort.signal);
    await this.options.checkpoints.save(this.options.checkpointName, last.position);
    this.consecutiveFailures = 0;
  }

  private async restartAfter(error: unknown): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      this.consecutiveFailures += 1;
      const delayMs = backoffDelay(this.consecutiveFailures, this.options.restartBackoff);
      this.options.logger.warn({ checkpoint: this.options.checkpointName, error, delayMs }, 'log follower failed; resuming from its checkpoint');
      await pause(delayMs, signal);
      if (signal.aborted) return;
      try {
        this.subscribe(await this.options.checkpoints.load(this.options.checkpointName));
        return;
      } catch (loadError) {
        error = loadError;
      }
    }
  }
}
