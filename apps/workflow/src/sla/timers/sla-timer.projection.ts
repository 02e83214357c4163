import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deterministicEventId, type RecordedEvent } from '@collab/event-store';
import { Projection } from '@collab/service-kit';
import { timersOf, type SlaClockStarted, type SlaClockStopped, type SlaEvent, type SlaTimerKind } from '@collab/workflow-domain';

/** A timer's id derives from the clock start that scheduled it, so replaying the start schedules nothing new. */
export const timerIdOf = (startedEventId: string, kind: string, level: number): string =>
  deterministicEventId(startedEventId, `sla-timer/${kind}/${level}`);

/*
 * Cancelling reads the clock's own timers through workflow.sla_timer_clock (case_id, clock_key).
 * "Still pending" is written `coalesce(fired_at, cancelled_at) is null`, not as the two `is null`
 * tests of the partial index workflow.sla_timer_pending: with those, the planner may take that
 * index (it matches the predicate and is smaller) and filter every pending timer of every case by
 * case and clock — it did whenever the table's statistics were older than its growth, which made
 * each contact read all open cases' timers (thousands of rows, more with every open case).
 */
/** Cancels the pending timers of the clock's earlier runs ($3: this run's start). */
export const CANCEL_EARLIER_RUNS_SQL = `update workflow.sla_timer set cancelled_at = $3
  where case_id = $1 and clock_key = $2 and started_at <> $3 and coalesce(fired_at, cancelled_at) is null`;
/** Cancels the clock's pending timers ($3: when it stopped). */
export const CANCEL_CLOCK_SQL = `update workflow.sla_timer set cancelled_at = $3
  where case_id = $1 and clock_key = $2 and coalesce(fired_at, cancelled_at) is null`;

/**
 * Marks the pending timer whose firing the log now holds ($3 kind, $4 level, $5 when it fired). Only
 * the clock's current run can have one pending (a restart cancelled the earlier runs' before this
 * event). Without it, a dispatcher killed between recording a firing and marking its timer left the
 * timer pending, and a clock stopping meanwhile cancelled it: a warning in the log, a timer saying
 * it never fired.
 */
export const MARK_RECORDED_SQL = `update workflow.sla_timer set fired_at = $5, cancelled_at = null
  where case_id = $1 and clock_key = $2 and kind = $3 and level = $4 and coalesce(fired_at, cancelled_at) is null`;

/** Writes a clock's timers ($1, $5–$7: their ids, kinds, levels and due times, index by index). */
export const SCHEDULE_TIMERS_SQL = `insert into workflow.sla_timer (id, case_id, clock_key, started_at, kind, level, due_at, correlation_id, scheduled_by)
  select timer.id, $2::text, $3::text, $4::timestamptz, timer.kind, timer.level, timer.due_at, $8::text, $9::uuid
    from unnest($1::uuid[], $5::text[], $6::int[], $7::timestamptz[]) as timer (id, kind, level, due_at)
  on conflict (id) do nothing`;

/**
 * The scheduler: writes the timers of every clock that starts, marks fired those whose firing is
 * recorded, and cancels the pending ones of every clock that stops or restarts, in the transaction that also moves its checkpoint — a crash
 * loses no timer and schedules none twice.
 */
@Injectable()
export class SlaTimerProjection extends Projection {
  readonly name = 'workflow.sla-timers';
  readonly log = 'workflow';
  readonly handles = ['SlaClockStarted', 'SlaClockStopped', 'SlaWarning', 'SlaBreached', 'SlaEscalated'];
  readonly tables = ['workflow.sla_timer'];
  override readonly notRebuildable =
    'workflow.sla_timer is also the timer dispatcher’s record of what fired (fired_at, claimed_until), which no event holds: rebuilt, fired timers would fire again';

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      const slaEvent = { type: event.type, data: event.data } as SlaEvent;
      if (slaEvent.type === 'SlaClockStarted') await this.schedule(event, slaEvent, tx);
      else if (slaEvent.type === 'SlaClockStopped') await this.cancel(slaEvent, tx);
      else if (slaEvent.type === 'SlaWarning') await this.recorded(slaEvent.data, { kind: 'WARN', level: 0, at: slaEvent.data.warnedAt }, tx);
      else if (slaEvent.type === 'SlaBreached') await this.recorded(slaEvent.data, { kind: 'BREACH', level: 0, at: slaEvent.data.breachedAt }, tx);
      else if (slaEvent.type === 'SlaEscalated') await this.recorded(slaEvent.data, { kind: 'ESCALATE', level: slaEvent.data.level, at: slaEvent.data.escalatedAt }, tx);
    }
  }

  private async schedule(event: RecordedEvent, { data }: SlaClockStarted, tx: EntityManager): Promise<void> {
    // Timers of an earlier run of the same clock have nothing more to say.
    await tx.query(CANCEL_EARLIER_RUNS_SQL, [data.caseId, data.clockKey, data.startedAt]);
    const timers = timersOf(data);
    if (timers.length === 0) return;
    // One statement for all of a clock's timers: a round trip per timer was most of a contact's statements.
    await tx.query(SCHEDULE_TIMERS_SQL, [
      timers.map((timer) => timerIdOf(event.id, timer.kind, timer.level)),
      data.caseId,
      data.clockKey,
      data.startedAt,
      timers.map((timer) => timer.kind),
      timers.map((timer) => timer.level),
      timers.map((timer) => timer.dueAt),
      event.metadata.correlationId,
      event.id,
    ]);
  }

  private async recorded(data: { caseId: string; clockKey: string }, firing: { kind: SlaTimerKind; level: number; at: string }, tx: EntityManager): Promise<void> {
    await tx.query(MARK_RECORDED_SQL, [data.caseId, data.clockKey, firing.kind, firing.level, firing.at]);
  }

  private async cancel({ data }: SlaClockStopped, tx: EntityManager): Promise<void> {
    await tx.query(CANCEL_CLOCK_SQL, [data.caseId, data.clockKey, data.stoppedAt]);
  }
}
