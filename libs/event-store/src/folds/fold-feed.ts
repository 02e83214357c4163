import type { EventStore, RecordedEvent, Subscription } from '../event-store.port';

/** A cache the feed keeps current (StreamFoldCache). */
export interface FedCache {
  apply(event: RecordedEvent): void;
  clear(): void;
}

export interface FoldFeedOptions {
  /**
   * How long the feed waits after a live batch before it reads again, so a busy log is read a few
   * times a second instead of once per commit. What this process appends reaches its caches at
   * once (`remember`); this only delays other replicas' changes.
   */
  readonly pauseMs?: number;
  /** How often the feed, when idle, looks for other replicas' writes (the store's interval when absent). */
  readonly pollIntervalMs?: number;
  /** How long it waits before following again after a failed read. */
  readonly retryMs?: number;
  readonly onError?: (error: unknown) => void;
}

const BATCH = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows a service's log from its head (what was there before is read by the caches when asked)
 * and hands every event to the caches; each keeps the streams it folds. When following fails (the
 * database went away) the caches are cleared, because events may have been missed, and the feed
 * starts again from the head after `retryMs`.
 */
export class FoldFeed {
  private subscription: Subscription | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly caches: readonly FedCache[],
    private readonly options: FoldFeedOptions = {},
  ) {}

  async start(): Promise<void> {
    const after = await this.store.headPosition();
    if (this.stopped) return;
    this.subscription = this.store.subscribeToAll((batch) => this.deliver(batch), {
      after,
      batchSize: BATCH,
      onError: (error) => this.restart(error),
      ...(this.options.pollIntervalMs === undefined ? {} : { pollIntervalMs: this.options.pollIntervalMs }),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.subscription?.stop();
  }

  private async deliver(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) for (const cache of this.caches) cache.apply(event);
    if (batch.length < BATCH && !this.stopped) await sleep(this.options.pauseMs ?? 0);
  }

  private restart(error: unknown): void {
    this.options.onError?.(error);
    for (const cache of this.caches) cache.clear();
    if (this.stopped) return;
    this.retry = setTimeout(() => void this.start().catch((failure: unknown) => this.restart(failure)), this.options.retryMs ?? 1_000);
  }
}
