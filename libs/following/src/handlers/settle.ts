import { classify, Stopped, type Fault } from '../faults';
import { backoffDelay, INFRASTRUCTURE_BACKOFF, pauseUnlessStopped } from '../runner/retrying';

/** Attempts at an event that fails for an unknown reason before it is taken for poison. */
export const UNKNOWN_FAULT_ATTEMPTS = 5;

export type Settled = { readonly kind: 'handled' } | { readonly kind: 'poison'; readonly error: unknown; readonly attempts: number };

export interface SettleOptions {
  readonly signal: AbortSignal;
  readonly onRetry?: (retry: { fault: Fault; attempts: number; delayMs: number; error: unknown }) => void;
  /** Runs during each pause (a Kafka consumer heartbeats, so a long retry is not taken for a dead member). */
  readonly whileWaiting?: () => Promise<void>;
}

/**
 * One event's delivery to its handler (DESIGN §3 "Errors"): infrastructure faults and waiting for
 * another service's event are retried without limit, the pause growing to a cap; poison — refused
 * by the domain for good, undecodable, or failing for an unknown reason five times — settles as
 * poison for the caller to dead-letter. Stopping throws Stopped: the event is delivered again later.
 */
const isPoison = (fault: Fault, attempts: number): boolean => fault === 'poison' || (fault === 'unknown' && attempts >= UNKNOWN_FAULT_ATTEMPTS);

export const settle = async (work: () => Promise<void>, options: SettleOptions): Promise<Settled> => {
  for (let attempts = 1; ; attempts += 1) {
    if (options.signal.aborted) throw new Stopped();
    try {
      await work();
      return { kind: 'handled' };
    } catch (error) {
      const fault = classify(error);
      if (fault === 'stopping') throw error instanceof Stopped ? error : new Stopped();
      if (isPoison(fault, attempts)) return { kind: 'poison', error, attempts };
      const delayMs = backoffDelay(attempts, INFRASTRUCTURE_BACKOFF);
      options.onRetry?.({ fault, attempts, delayMs, error });
      await pauseUnlessStopped(delayMs, options.signal);
      await options.whileWaiting?.();
    }
  }
};

export const describeFault = (error: unknown): { name: string; message: string; stack?: string } =>
  error instanceof Error
    ? { name: error.name, message: error.message, ...(error.stack === undefined ? {} : { stack: error.stack }) }
    : { name: typeof error, message: String(error) };
