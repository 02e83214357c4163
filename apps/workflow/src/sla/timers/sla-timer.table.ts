import { Inject, Injectable } from '@nestjs/common';
import { LeaseLost, type LeaseTerm } from '@collab/following';
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

/**
 * The term's lease row, locked for share as FencedCheckpoints locks it: a replica taking the lease
 * over bumps the token with an update that waits for this statement, or this statement sees the new
 * token and changes nothing. ($1 lease name, $2 owner, $3 token.)
 */
const TERM_HOLDS = 'exists (select 1 from workflow.leases where name = $1 and owner = $2 and token = $3::bigint for share)';

const termParameters = (term: LeaseTerm): unknown[] => [term.name, term.owner, term.token];

/** The timer table: claimed and settled in single statements, each fenced by the dispatcher's lease term. */
@Injectable()
export class SlaTimerTable {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * Claims up to `limit` timers due by `now` that no live claim holds, until `leaseUntil`. A claim
   * made under an older term of the lease is no live claim: its dispatcher died or was cut off, and
   * the new owner takes its timers at once. One statement: SKIP LOCKED, and no transaction stays
   * open while a timer fires — on the embedded single connection that would block the very appends
   * the firing makes. A term that has ended claims nothing.
   */
  async claimDue(term: LeaseTerm, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedTimer[]> {
    const { rows } = await this.database.pool.query<TimerRow>(
      `update workflow.sla_timer set claimed_until = $5, claimed_by = $3::bigint
        where id in (select id from workflow.sla_timer
                      where fired_at is null and cancelled_at is null and due_at <= $4
                        and (claimed_until is null or claimed_until <= $4 or claimed_by < $3::bigint)
                      order by due_at limit $6 for update skip locked)
          and ${TERM_HOLDS}
        returning id, case_id, clock_key, started_at, kind, level, due_at, correlation_id, scheduled_by`,
      [...termParameters(term), now, leaseUntil, limit],
    );
    return rows.map(claimedTimer).sort(byDueOrder);
  }

  /** It fired: whatever a clock's stop cancelled meanwhile, the event was recorded. */
  markFired(term: LeaseTerm, id: string, at: Date): Promise<void> {
    return this.settled(term, id, 'fired_at = $5, cancelled_at = null', at);
  }

  markCancelled(term: LeaseTerm, id: string, at: Date): Promise<void> {
    // A timer that fired stays fired.
    return this.settled(term, id, 'cancelled_at = case when fired_at is null then coalesce(cancelled_at, $5) end', at);
  }

  /** Gives a claim back (not due yet by the SLA stream, or stopping): the next pass looks again. */
  release(term: LeaseTerm, id: string): Promise<void> {
    return this.settled(term, id, 'claimed_by = claimed_by');
  }

  /**
   * Ends this term's claim on the timer with `change`. Refused — LeaseLost — when the term no
   * longer holds the lease or a later term has claimed the timer: whatever this term was doing
   * is now the new owner's to do.
   */
  private async settled(term: LeaseTerm, id: string, change: string, at?: Date): Promise<void> {
    const { rowCount } = await this.database.pool.query(
      `update workflow.sla_timer set ${change}, claimed_until = null
        where id = $4 and claimed_by = $3::bigint and ${TERM_HOLDS}`,
      [...termParameters(term), id, ...(at ? [at] : [])],
    );
    if (rowCount === 0) throw new LeaseLost(term.name);
  }
}
