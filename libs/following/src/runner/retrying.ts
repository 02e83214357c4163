import { classify, Stopped, type Fault } from '../faults';

export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** Infrastructure faults are retried without limit, the pause doubling up to a cap, so a long outage heals within seconds of its end. */
export const INFRASTRUCTURE_BACKOFF: Backoff = { initialMs: 100, maxMs: 5_000 };

export const backoffDelay = (attempt: number, backoff: Backoff): number =>
  Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, attempt - 1));

/** Resolves after `ms`, or rejects with Stopped as soon as the signal aborts. */
export const pauseUnlessStopped = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Stopped());
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const stop = (): void => {
      clearTimeout(timer);
      reject(new Stopped());
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', stop, { once: true });
  });

export interface RetryReport {
  readonly fault: Fault;
  readonly attempt: number;
  readonly delayMs: number;
  readonly error: unknown;
}

/**
 * Runs `work` until it succeeds. Every fault but `stopping` is retried after a pause that grows to
 * the cap — a read model or a checkpoint must never move past what was not done. `stopping`
 * (and an aborted signal) ends the attempts with Stopped.
 */
export const untilDone = async <T>(
  work: () => Promise<T>,
  signal: AbortSignal,
  report: (retry: RetryReport) => void,
  backoff: Backoff = INFRASTRUCTURE_BACKOFF,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    if (signal.aborted) throw new Stopped();
    try {
      return await work();
    } catch (error) {
      const fault = classify(error);
      if (fault === 'stopping' || signal.aborted) throw error instanceof Stopped ? error : new Stopped(String((error as Error).message ?? error));
      const delayMs = backoffDelay(attempt, backoff);
      report({ fault, attempt, delayMs, error });
      await pauseUnlessStopped(delayMs, signal);
    }
  }
};

/**
 * Settles with `work`, or rejects with Stopped as soon as the signal aborts: a client call stuck in
 * its own retries (a broker that is away) must not hold up a stop. The abandoned call may still
 * finish later; callers treat that as "maybe done", which at-least-once delivery tolerates.
 */
export const unlessStopped = <T>(work: Promise<T>, signal: AbortSignal): Promise<T> => {
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(new Stopped());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Stopped());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
};
