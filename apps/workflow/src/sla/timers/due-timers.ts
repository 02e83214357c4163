import { Injectable, Logger } from '@nestjs/common';
import { SlaTimerFiring, type TimerOutcome } from './sla-timer.firing';
import { SlaTimerTable, type ClaimedTimer } from './sla-timer.table';

/** How long a claim holds (by the injected clock) before a timer whose dispatcher died is free again. */
const LEASE_MS = 60_000;

/** Claiming due timers and settling each: fired, cancelled, or back to pending. */
@Injectable()
export class DueTimers {
  private readonly logger = new Logger('SlaTimers');

  constructor(
    private readonly table: SlaTimerTable,
    private readonly firing: SlaTimerFiring,
  ) {}

  claim(now: Date, limit: number): Promise<ClaimedTimer[]> {
    return this.table.claimDue(now, new Date(now.getTime() + LEASE_MS), limit);
  }

  /** Fires the timer and records what became of it; a failure leaves it pending for the next pass. */
  async settle(timer: ClaimedTimer, now: Date): Promise<void> {
    let outcome: TimerOutcome = 'pending';
    try {
      outcome = await this.firing.fire(timer, now);
    } catch (error) {
      this.logger.error({ message: `SLA timer ${timer.id} (${timer.kind} of ${timer.clockKey}, case ${timer.caseId}) failed; it stays pending`, error });
    }
    if (outcome === 'fired') await this.table.markFired(timer.id, now);
    else if (outcome === 'cancelled') await this.table.markCancelled(timer.id, now);
    else await this.table.release(timer.id);
  }

  release(timer: ClaimedTimer): Promise<void> {
    return this.table.release(timer.id);
  }
}
