import { LeaseLost, Stopped } from '../faults';
import type { LeaseTerm, Leases } from '../leases/lease';
import { pauseUnlessStopped } from '../runner/retrying';

/** What became of a claimed timer: fired (its event is recorded), cancelled (nothing to say), or back to pending. */
export type TimerOutcome = 'fired' | 'cancelled' | 'pending';

/** The service's side of a durable timer dispatcher: its table, its firing, and when a pass may claim. */
export interface DueTimerSource<Timer> {
  /** Claims the timers due by `now`, at most `limit`, under the term. */
  claim(term: LeaseTerm, now: Date, limit: number): Promise<readonly Timer[]>;
  /** Fires one claimed timer and marks what became of it (fired, cancelled, released) under the term. */
  settle(term: LeaseTerm, timer: Timer, now: Date): Promise<void>;
  /** Gives the claim back unfired (the dispatcher is stopping). */
  release(term: LeaseTerm, timer: Timer): Promise<void>;
  /** False while the timers may not be claimed yet (e.g. what cancels them has not caught up). */
  ready?(): Promise<boolean>;
  /**
   * Whether any timer not yet fired or cancelled is due by `now`, claimed or not. One cheap read
   * that lets an idle pass skip its readiness check and its claim, each a transaction of its own.
   * A false "yes" only costs the claim it would have made anyway.
   */
  anyDue?(now: Date): Promise<boolean>;
}

export interface TimerDispatchSettings {
  /** The schema holding the lease row. */
  readonly home: string;
  /** The lease's name, e.g. `workflow.sla-timers`. */
  readonly lease: string;
  readonly pollMs: number;
  /** Timers claimed in one pass; a full batch means more may be due, so the next pass starts at once. */
  readonly batch: number;
  /** The injected clock: a test's movable clock makes timers fall due. */
  readonly now: () => Date;
  /** Where a pass's failure is told; the next poll tries again. */
  readonly report: (level: 'warn' | 'error', message: string, error: unknown) => void;
  /** Called after a pass claimed timers and before it fires them (fault tests freeze here). */
  readonly afterClaim?: () => void;
}

/**
 * The generic durable timer dispatcher (docs/adr/0007): in the one replica holding the lease, every
 * `pollMs` by the injected clock, claim the due timers, settle each, and go back to waiting for
 * the lease when the term ends. No timer state lives in memory: the table and the log hold it all.
 */
export class TimerDispatch<Timer> {
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly leases: Leases,
    private readonly source: DueTimerSource<Timer>,
    private readonly settings: TimerDispatchSettings,
  ) {}

  start(): void {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      let term: LeaseTerm;
      try {
        term = await this.leases.acquire(this.settings.home, this.settings.lease, this.stopping.signal);
      } catch {
        return;
      }
      await this.dispatch(term, AbortSignal.any([this.stopping.signal, term.lost])).catch((error: unknown) => {
        if (error instanceof LeaseLost) this.settings.report('warn', `${this.settings.lease}: the lease passed to another replica mid-pass (token ${term.token} refused); standing by`, error);
        else if (!(error instanceof Stopped)) this.settings.report('error', `${this.settings.lease}: dispatch stopped`, error);
      });
      if (this.stopping.signal.aborted) await this.leases.release(term);
    }
  }

  private async dispatch(term: LeaseTerm, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const more = await this.pass(term, signal).catch((error: unknown) => {
        if (error instanceof Stopped || error instanceof LeaseLost) throw error;
        this.settings.report('error', `${this.settings.lease}: a pass failed; trying again at the next poll`, error);
        return false;
      });
      if (!more) await pauseUnlessStopped(this.settings.pollMs, signal);
    }
  }

  /** One look at the due timers; true when a full batch was due, so more may be waiting. */
  private async pass(term: LeaseTerm, signal: AbortSignal): Promise<boolean> {
    if (this.source.anyDue && !(await this.source.anyDue(this.settings.now()))) return false;
    if (this.source.ready && !(await this.source.ready())) return false;
    const now = this.settings.now();
    const claimed = await this.source.claim(term, now, this.settings.batch);
    if (claimed.length > 0) this.settings.afterClaim?.();
    for (const timer of claimed) {
      if (signal.aborted) await this.source.release(term, timer);
      else await this.source.settle(term, timer, now);
    }
    return claimed.length === this.settings.batch;
  }
}
