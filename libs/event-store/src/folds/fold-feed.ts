import type { EventStore, RecordedEvent } from '../event-store.port';

/** A cache the feed keeps current (StreamFoldCache). */
export interface FedCache {
  apply(event: RecordedEvent): void;
  clear(): void;
}

/**
 * Where the feed reads the log: the process's one reader of it (libs/following SharedLogReader),
 * which answers the events after a position and, when there are none, waits for a commit (or its
 * fallback poll) once before answering — possibly nothing.
 */
export interface LogTail {
  next(after: bigint, signal: AbortSignal): Promise<readonly RecordedEvent[]>;
}

/** A tail that polls the store itself, for a feed without a shared reader (tests, tools). */
export const pollingTail = (store: Pick<EventStore, 'readAll'>, pollMs = 50): LogTail => ({
  next: async (after, signal) => {
    const events = await store.readAll({ after, maxCount: 500 });
    if (events.length === 0 && !signal.aborted) await new Promise((resolve) => setTimeout(resolve, pollMs));
    return events;
  },
});

export interface FoldFeedOptions {
  /** How long it waits before following again after a failed read. */
  readonly retryMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Follows a service's log from its head (what was there before is read by the caches when asked)
 * and hands every event to the caches; each keeps the streams it folds. It is one more follower of
 * the log at its head, so it reads through the process's shared reader and costs no read of its
 * own. When following fails (the database went away) the caches are cleared, because events may
 * have been missed, and the feed starts again from the head after `retryMs`.
 */
export class FoldFeed {
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Pick<EventStore, 'headPosition'>,
    private readonly tail: LogTail,
    private readonly caches: readonly FedCache[],
    private readonly options: FoldFeedOptions = {},
  ) {}

  async start(): Promise<void> {
    const after = await this.store.headPosition();
    this.running = this.follow(after);
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async follow(from: bigint): Promise<void> {
    let position = from;
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      try {
        position = this.deliver(await this.tail.next(position, signal), position);
      } catch (error) {
        if (signal.aborted) return;
        position = await this.restart(error);
      }
    }
  }

  private deliver(batch: readonly RecordedEvent[], position: bigint): bigint {
    for (const event of batch) for (const cache of this.caches) cache.apply(event);
    return batch[batch.length - 1]?.position ?? position;
  }

  /** Clears the caches and finds the head again, after a pause; retried until it works or the feed stops. */
  private async restart(error: unknown): Promise<bigint> {
    this.options.onError?.(error);
    for (const cache of this.caches) cache.clear();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, this.options.retryMs ?? 1_000));
      if (this.stopping.signal.aborted) return 0n;
      try {
        return await this.store.headPosition();
      } catch (failure) {
        this.options.onError?.(failure);
      }
    }
  }
}
