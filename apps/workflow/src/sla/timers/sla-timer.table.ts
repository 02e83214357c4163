import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database } from '@collab/service-kit';
import type { SlaClockKey, SlaTimerKind } from '@collab/workflow-domain';

/**
 * workflow.sla_timer: the durable timers. A row is written when its clock starts (in the same
 * transaction as the timer projection's checkpoint), claimed when due, and ends either fired or
 * cancelled (its clock stopped or restarted first). `started_at` names the run of the clock it
 * belongs to. `claimed_until` is a lease: a dispatcher that dies holding a claim frees it when
 * the lease runs out, so a timer is never lost; the SLA stream makes a second firing record nothing.
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

/** The timer table: created once per process, claimed and settled in single statements. */
@Injectable()
export class SlaTimerTable {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * Claims up to `limit` timers due by `now` that nobody holds, until `leaseUntil`. One statement:
   * SKIP LOCKED lets several dispatchers (replicas on PostgreSQL) share the work without waiting
   * on one another, and no transaction stays open while a timer fires — on the embedded single
   * connection that would block the very appends the firing makes.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedTimer[]> {
    const { rows } = await this.database.pool.query<TimerRow>(
      `update workflow.sla_timer set claimed_until = $2
        where id in (select id from workflow.sla_timer
                      where fired_at is null and cancelled_at is null and due_at <= $1
                        and (claimed_until is null or claimed_until <= $1)
                      order by due_at limit $3 for update skip locked)
        returning id, case_id, clock_key, started_at, kind, level, due_at, correlation_id, scheduled_by`,
      [now, leaseUntil, limit],
    );
    return rows.map(claimedTimer).sort(byDueOrder);
  }

  /** It fired: whatever a clock's stop cancelled meanwhile, the event was recorded. */
  async markFired(id: string, at: Date): Promise<void> {
    await this.database.pool.query(
      'update workflow.sla_timer set fired_at = $2, cancelled_at = null, claimed_until = null where id = $1',
      [id, at],
    );
  }

  async markCancelled(id: string, at: Date): Promise<void> {
    await this.database.pool.query(
      'update workflow.sla_timer set cancelled_at = coalesce(cancelled_at, $2), claimed_until = null where id = $1 and fired_at is null',
      [id, at],
    );
  }

  /** Gives a claim back (not due yet by the SLA stream, or stopping): the next pass looks again. */
  async release(id: string): Promise<void> {
    await this.database.pool.query('update workflow.sla_timer set claimed_until = null where id = $1', [id]);
  }
}
