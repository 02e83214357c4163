import { Inject, Injectable } from '@nestjs/common';
import { FencedTimerTable, type LeaseTerm } from '@collab/following';
import { DATABASE, type Database } from '@collab/service-kit';
import type { SlaClockKey, SlaTimerKind } from '@collab/workflow-domain';

/**
 * workflow.sla_timer: the durable timers. A row is written when its clock starts (in the same
 * transaction as the timer projection's checkpoint), claimed when due, and ends either fired or
 * cancelled (its clock stopped or restarted first). `started_at` names the run of the clock it
 * belongs to. `claimed_until` is a lease: a dispatcher that dies holding a claim frees it when
 * the lease runs out, so a timer is never lost; the SLA stream makes a second firing record nothing.
 * `claimed_by` is the fencing token of the dispatcher's lease term that claimed it: the next term
 * takes an older term's claims at once, and every write checks that its term still holds the lease.
 */
/** A due timer as the dispatcher claimed it. */
export interface ClaimedTimer {
  readonly id: string;
  readonly caseId: string;
  readonly clockKey: SlaClockKey;
  readonly startedAt: string;
  readonly kind: SlaTimerKind;
  readonly level: number;
  readonly dueAt: string;
  /** The request that started the clock: its warnings and breaches belong to the same flow. */
  readonly correlationId: string;
  /** The SlaClockStarted event that scheduled the timer. */
  readonly scheduledBy: string;
}

interface TimerRow {
  readonly id: string;
  readonly case_id: string;
  readonly clock_key: string;
  readonly started_at: Date;
  readonly kind: string;
  readonly level: number;
  readonly due_at: Date;
  readonly correlation_id: string;
  readonly scheduled_by: string;
}

const KIND_ORDER: Readonly<Record<SlaTimerKind, number>> = { WARN: 0, BREACH: 1, ESCALATE: 2, AUTO_CLOSE: 3 };

const claimedTimer = (row: TimerRow): ClaimedTimer => ({
  id: row.id,
  caseId: row.case_id,
  clockKey: row.clock_key as SlaClockKey,
  startedAt: row.started_at.toISOString(),
  kind: row.kind as SlaTimerKind,
  level: row.level,
  dueAt: row.due_at.toISOString(),
  correlationId: row.correlation_id,
  scheduledBy: row.scheduled_by,
});

/** In the order they fell due; at one instant a warning before the breach before its escalations. */
const byDueOrder = (a: ClaimedTimer, b: ClaimedTimer): number =>
  Date.parse(a.dueAt) - Date.parse(b.dueAt) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.level - b.level;

/** The timer table: claimed and settled in single statements, each fenced by the dispatcher's lease term (FencedTimerTable). */
@Injectable()
export class SlaTimerTable {
  private readonly timers: FencedTimerTable<TimerRow>;

  constructor(@Inject(DATABASE) database: Database) {
    this.timers = new FencedTimerTable<TimerRow>(database.pool, {
      schema: 'workflow',
      table: 'sla_timer',
      returning: 'id, case_id, clock_key, started_at, kind, level, due_at, correlation_id, scheduled_by',
    });
  }

  /** Claims up to `limit` timers due by `now` that no live claim holds, until `leaseUntil`; a term that has ended claims nothing. */
  async claimDue(term: LeaseTerm, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedTimer[]> {
    return (await this.timers.claimDue(term, now, leaseUntil, limit)).map(claimedTimer).sort(byDueOrder);
  }

  /** Whether any timer not yet fired or cancelled is due by `now` (an idle pass then claims nothing). */
  anyDue(now: Date): Promise<boolean> {
    return this.timers.anyDue(now);
  }

  /** It fired: whatever a clock's stop cancelled meanwhile, the event was recorded. */
  markFired(term: LeaseTerm, id: string, at: Date): Promise<void> {
    return this.timers.markFired(term, id, at);
  }

  markCancelled(term: LeaseTerm, id: string, at: Date): Promise<void> {
    return this.timers.markCancelled(term, id, at);
  }

  /** Gives a claim back (not due yet by the SLA stream, or stopping): the next pass looks again. */
  release(term: LeaseTerm, id: string): Promise<void> {
    return this.timers.release(term, id);
  }
}
