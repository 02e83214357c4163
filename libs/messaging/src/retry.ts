/** Exponential backoff with a ceiling: attempt 1 waits `initialMs`, each later one twice as long, never more than `maxMs`. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const backoffDelay = (attempt: number, backoff: Backoff): number =>
  Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt - 1));

/** Resolves after `ms`, or at once when the signal aborts, so stop() never waits out a backoff. */
export const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

/** Thrown out of a batch handler when its owner is stopping, so the batch is not checkpointed. */
export class Stopping extends Error {
  override readonly name = 'Stopping';
  constructor() {
    super('stopping: the batch was interrupted and will be delivered again');
  }
}

export type DeliveryOutcome =
  | { readonly kind: 'handled'; readonly attempts: number }
  | { readonly kind: 'exhausted'; readonly attempts: number; readonly error: unknown }
  | { readonly kind: 'stopped' };

export interface DeliveryPolicy {
  readonly maxAttempts: number;
  readonly backoff: Backoff;
  readonly signal: AbortSignal;
  /** Runs between attempts (a Kafka consumer heartbeats here so a long retry is not a dead member). */
  readonly betweenAttempts?: () => Promise<void>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_HANDLER_BACKOFF: Backoff = { initialMs: 100, maxMs: 2_000 };

/**
 * One event's delivery to a handler: up to `maxAttempts` tries with backoff. The caller decides
 * what exhaustion means (dead letter) and what stopping means (do not mark the event done).
 */
export const deliverWithRetries = async (work: () => Promise<void>, policy: DeliveryPolicy): Promise<DeliveryOutcome> => {
  for (let attempt = 1; ; attempt += 1) {
    if (policy.signal.aborted) return { kind: 'stopped' };
    try {
      await work();
      return { kind: 'handled', attempts: attempt };
    } catch (error) {
      if (attempt >= policy.maxAttempts) return { kind: 'exhausted', attempts: attempt, error };
    }
    await pause(backoffDelay(attempt, policy.backoff), policy.signal);
    await policy.betweenAttempts?.();
  }
};

/**
 * Settles with `work`, or rejects with `Stopping` as soon as the signal aborts: a client call
 * stuck in its own retries (a broker that is down) must not hold up stop(). The abandoned call
 * may still finish later; callers treat that as "maybe done", which at-least-once tolerates.
 */
export const unlessStopped = <T>(work: Promise<T>, signal: AbortSignal): Promise<T> => {
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(new Stopping());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Stopping());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
};
