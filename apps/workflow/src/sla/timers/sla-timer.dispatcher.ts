import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { EventStore } from '@collab/event-store';
import { FencedCheckpoints, LeaseLost, pauseUnlessStopped, Stopped, type LeaseTerm, type Leases } from '@collab/following';
import { CLOCK, DATABASE, EVENT_STORE, LEASES, PLATFORM_CONFIG, failpoints, type Clock, type Database, type PlatformConfig } from '@collab/service-kit';
import { SLA_CLOCK_KEEPER } from '../clock-keeper/sla-clock-keeper';
import { DueTimers } from './due-timers';
import { HeadAsFirstSeen } from './head-as-first-seen';

/** Timers claimed in one pass; a full batch means more may be due, so the next pass starts at once. */
const BATCH = 50;
const LEASE = 'workflow.sla-timers';

/**
 * Fires the durable SLA timers when they fall due by the injected clock (so a test's movable clock
 * drives it), every WORKFLOW_SLA_POLL_MS, in the one replica holding the lease `workflow.sla-timers`.
 * Each pass first notes the log's head and waits until the clock keeper's checkpoint has passed it,
 * so every stop that happened before the pass is on the SLA streams — the head as it was, not the
 * live head, which under load would never be reached. Then it claims the due timers, fires each
 * (recording its event with an id derived from the timer) and marks it fired — or cancelled, when
 * its clock stopped first. Claims and marks carry the term's fencing token: a crash between
 * recording and marking leaves a claim that the next owner of the lease takes over at once, and its
 * firing finds the event recorded and records nothing more; a replica that lost the lease while
 * paused mid-firing is refused at its next write and goes back to waiting for the lease.
 */
@Injectable()
export class SlaTimerDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SlaTimers');
  private readonly stopping = new AbortController();
  private readonly checkpoints = new FencedCheckpoints('workflow');
  private running: Promise<void> = Promise.resolve();
  private readonly keeperCaughtUp = new HeadAsFirstSeen(
    () => this.store.headPosition(),
    async () => (await this.checkpoints.load(this.database.pool, [SLA_CLOCK_KEEPER])).get(SLA_CLOCK_KEEPER) ?? 0n,
  );

  // Injected as properties: the dispatcher needs the runtime's clock, settings, lease keeper, store and database.
  @Inject(CLOCK) private readonly clock!: Clock;
  @Inject(PLATFORM_CONFIG) private readonly config!: PlatformConfig;
  @Inject(LEASES) private readonly leases!: Leases;
  @Inject(EVENT_STORE) private readonly store!: EventStore;
  @Inject(DATABASE) private readonly database!: Database;

  constructor(private readonly timers: DueTimers) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      let term: LeaseTerm;
      try {
        term = await this.leases.acquire('workflow', LEASE, this.stopping.signal);
      } catch {
        return;
      }
      await this.dispatch(term, AbortSignal.any([this.stopping.signal, term.lost])).catch((error: unknown) => {
        if (error instanceof LeaseLost) this.logger.warn(`SLA timers: the lease passed to another replica mid-pass (token ${term.token} refused); standing by`);
        else if (!(error instanceof Stopped)) this.logger.error({ msg: 'SLA timer dispatch stopped', error });
      });
      if (this.stopping.signal.aborted) await this.leases.release(term);
    }
  }

  private async dispatch(term: LeaseTerm, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const more = await this.pass(term, signal).catch((error: unknown) => {
        if (error instanceof Stopped || error instanceof LeaseLost) throw error;
        this.logger.error({ msg: 'SLA timer pass failed; trying again at the next poll', error });
        return false;
      });
      if (!more) await pauseUnlessStopped(this.config.WORKFLOW_SLA_POLL_MS, signal);
    }
  }

  /** One look at the due timers; true when a full batch was due, so more may be waiting. */
  private async pass(term: LeaseTerm, signal: AbortSignal): Promise<boolean> {
    if (!(await this.keeperCaughtUp.passed())) return false;
    const now = this.clock.now();
    const claimed = await this.timers.claim(term, now, BATCH);
    // A fault test freezes here (SIGSTOP) holding claims, until its lease has passed to another replica.
    if (claimed.length > 0) failpoints.reached('sla.after-claim');
    for (const timer of claimed) {
      if (signal.aborted) await this.timers.release(term, timer);
      else await this.timers.settle(term, timer, now);
    }
    return claimed.length === BATCH;
  }
}
