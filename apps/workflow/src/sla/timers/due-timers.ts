import { Injectable, Logger } from '@nestjs/common';
import type { LeaseTerm } from '@collab/following';
import { failpoints } from '@collab/service-kit';
import { SlaTimerFiring, type TimerOutcome } from './sla-timer.firing';
import { SlaTimerTable, type ClaimedTimer } from './sla-timer.table';

/** How long a claim holds (by the injected clock) when no later term of the dispatcher's lease takes it over. */
const LEASE_MS = 60_000;

/**
 * Claiming due timers and settling each: fired, cancelled, or back to pending — all under the
 * dispatcher's lease term, so a term that has ended is refused (LeaseLost) at its next write.
 */
@Injectable()
export class DueTimers {
  private readonly logger = new Logger('SlaTimers');

  constructor(
    private readonly table: SlaTimerTable,
    private readonly firing: SlaTimerFiring,
  ) {}

  anyDue(now: Date): Promise<boolean> {
    return this.table.anyDue(now);
  }

  claim(term: LeaseTerm, now: Date, limit: number): Promise<ClaimedTimer[]> {
    return this.table.claimDue(term, now, new Date(now.getTime() + LEASE_MS), limit);
  }

  /** Fires the timer and records what became of it; a failure leaves it pending for the next pass. */
  async settle(term: LeaseTerm, timer: ClaimedTimer, now: Date): Promise<void> {
    let outcome: TimerOutcome = 'pending';
    try {
      outcome = await this.firing.fire(timer, now);
      // A fault test dies here: the firing is in the log, the timer not yet marked.
      if (outcome === 'fired') failpoints.reached('sla.after-append');
    } catch (error) {
      this.logger.error({ message: `SLA timer ${timer.id} (${timer.kind} of ${timer.clockKey}, case ${timer.caseId}) failed; it stays pending`, error });
    }
    if (outcome === 'fired') await this.table.markFired(term, timer.id, now);
    else if (outcome === 'cancelled') await this.table.markCancelled(term, timer.id, now);
    else await this.table.release(term, timer.id);
  }

  release(term: LeaseTerm, timer: ClaimedTimer): Promise<void> {
    return this.table.release(term, timer.id);
  }
}
