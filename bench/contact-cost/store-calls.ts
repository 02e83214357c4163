import type { EventStore } from '@collab/event-store';

/** The store methods that are a round trip to the database (or a queued group commit). */
const COUNTED = ['append', 'appendMany', 'readStream', 'readStreams', 'readAll', 'headPosition'] as const;

export type CallCounts = Record<string, number>;

/**
 * Counts the calls made on a store instance, by method, without changing what they do: the
 * subscriptions inside the adapter call `readAll` through the same instance, so their reads are
 * counted too. Methods the store does not have (an older port) are left out.
 */
export class StoreCallCounter {
  private readonly counts: CallCounts = {};

  constructor(store: EventStore) {
    const target = store as unknown as Record<string, unknown>;
    for (const name of COUNTED) {
      const original = target[name];
      if (typeof original !== 'function') continue;
      this.counts[name] = 0;
      target[name] = (...args: unknown[]): unknown => {
        this.counts[name] = (this.counts[name] ?? 0) + 1;
        return (original as (...a: unknown[]) => unknown).apply(store, args);
      };
    }
  }

  snapshot(): CallCounts {
    return { ...this.counts };
  }

  static perOperation(from: CallCounts, to: CallCounts, count: number): CallCounts {
    return Object.fromEntries(Object.keys(to).map((name) => [name, ((to[name] ?? 0) - (from[name] ?? 0)) / count]));
  }
}
