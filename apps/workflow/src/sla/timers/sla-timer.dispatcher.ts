import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { pause } from '@collab/messaging';
import { CLOCK, PLATFORM_CONFIG, type Clock, type PlatformConfig } from '@collab/service-kit';
import { SlaClockKeeper } from '../clock-keeper/sla-clock-keeper';
import { DueTimers } from './due-timers';

/** Timers claimed in one pass; a full batch means more may be due, so the next pass starts at once. */
const BATCH = 50;

/**
 * Fires the durable SLA timers when they fall due by the injected clock (so a test's movable
 * clock drives it), every WORKFLOW_SLA_POLL_MS. Each pass first waits for the clock keeper to
 * have handled the whole log as it stood, so every stop that happened before now is on the SLA
 * streams; then it claims the due timers, fires each (recording its event with an id derived from
 * the timer) and marks it fired — or cancelled, when its clock stopped first. A crash between
 * recording and marking leaves the claim to expire; the next firing finds the event recorded and
 * records nothing more. Stopping the module lets the timer in hand finish and gives back the rest.
 */
@Injectable()
export class SlaTimerDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SlaTimers');
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly keeper: SlaClockKeeper,
    private readonly timers: DueTimers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.timers.ready();
    this.running = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const more = await this.pass(signal).catch((error: unknown) => {
        this.logger.error({ message: 'SLA timer pass failed; trying again at the next poll', error });
        return false;
      });
      if (!more) await pause(this.config.WORKFLOW_SLA_POLL_MS, signal);
    }
  }

  /** One look at the due timers; true when a full batch was due, so more may be waiting. */
  private async pass(signal: AbortSignal): Promise<boolean> {
    if (!(await this.keeper.caughtUp())) return false;
    const now = this.clock.now();
    const claimed = await this.timers.claim(now, BATCH);
    for (const timer of claimed) {
      if (signal.aborted) await this.timers.release(timer);
      else await this.timers.settle(timer, now);
    }
    return claimed.length === BATCH;
  }
}
