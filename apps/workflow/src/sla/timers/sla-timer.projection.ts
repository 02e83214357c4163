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
/**
 * Cancels the pending timers of the earlier runs of each clock that starts ($1–$3: their cases,
 * clock keys and this run's starts, index by index; no clock twice). One statement for every clock
 * a batch starts: joined to the clocks' index, each clock's timers are read by (case_id, clock_key).
 */
export const CANCEL_EARLIER_RUNS_SQL = `update workflow.sla_timer t set cancelled_at = run.started_at
  from unnest($1::text[], $2::text[], $3::timestamptz[]) as run (case_id, clock_key, started_at)
  where t.case_id = run.case_id and t.clock_key = run.clock_key and t.started_at <> run.started_at and coalesce(t.fired_at, t.cancelled_at) is null`;
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

/** Writes the timers of the clocks that start, one row each ($1–$9 index by index: id, case, clock, run's start, kind, level, due time, correlation, scheduling event). */
export const SCHEDULE_TIMERS_SQL = `insert into workflow.sla_timer (id, case_id, clock_key, started_at, kind, level, due_at, correlation_id, scheduled_by)
  select * from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::int[], $7::timestamptz[], $8::text[], $9::uuid[])
  on conflict (id) do nothing`;

interface Start {
  readonly event: RecordedEvent;
  readonly data: SlaClockStarted['data'];
}

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

  /**
   * The clocks that start one after another are scheduled together (two statements for all of them,
   * not two each: at one round trip per start, this projection held workflow's projection batch for
   * seconds on a busy machine, and with it the case view). A clock that starts again within the run,
   * and every other event, first writes what was gathered, so the table changes in log order.
   */
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    let starts: Start[] = [];
    const schedule = async (): Promise<void> => {
      if (starts.length > 0) await this.schedule(starts, tx);
      starts = [];
    };
    for (const event of events) {
      const slaEvent = { type: event.type, data: event.data } as SlaEvent;
      if (slaEvent.type === 'SlaClockStarted') {
        const { caseId, clockKey } = slaEvent.data;
        if (starts.some(({ data }) => data.caseId === caseId && data.clockKey === clockKey)) await schedule();
        starts.push({ event, data: slaEvent.data });
        continue;
      }
      await schedule();
      await this.moved(slaEvent, tx);
    }
    await schedule();
  }

  private async moved(slaEvent: SlaEvent, tx: EntityManager): Promise<void> {
    if (slaEvent.type === 'SlaClockStopped') await this.cancel(slaEvent, tx);
    else if (slaEvent.type === 'SlaWarning') await this.recorded(slaEvent.data, { kind: 'WARN', level: 0, at: slaEvent.data.warnedAt }, tx);
    else if (slaEvent.type === 'SlaBreached') await this.recorded(slaEvent.data, { kind: 'BREACH', level: 0, at: slaEvent.data.breachedAt }, tx);
    else if (slaEvent.type === 'SlaEscalated') await this.recorded(slaEvent.data, { kind: 'ESCALATE', level: slaEvent.data.level, at: slaEvent.data.escalatedAt }, tx);
  }

  /** Timers of an earlier run of the same clocks have nothing more to say; then the new runs' timers, one statement for all. */
  private async schedule(starts: readonly Start[], tx: EntityManager): Promise<void> {
    await tx.query(CANCEL_EARLIER_RUNS_SQL, [starts.map(({ data }) => data.caseId), starts.map(({ data }) => data.clockKey), starts.map(({ data }) => data.startedAt)]);
    const timers = starts.flatMap(({ event, data }) => timersOf(data).map((timer) => ({ timer, event, data })));
    if (timers.length === 0) return;
    await tx.query(SCHEDULE_TIMERS_SQL, [
      timers.map(({ timer, event }) => timerIdOf(event.id, timer.kind, timer.level)),
      timers.map(({ data }) => data.caseId),
      timers.map(({ data }) => data.clockKey),
      timers.map(({ data }) => data.startedAt),
      timers.map(({ timer }) => timer.kind),
      timers.map(({ timer }) => timer.level),
      timers.map(({ timer }) => timer.dueAt),
      timers.map(({ event }) => event.metadata.correlationId),
      timers.map(({ event }) => event.id),
    ]);
  }

  private async recorded(data: { caseId: string; clockKey: string }, firing: { kind: SlaTimerKind; level: number; at: string }, tx: EntityManager): Promise<void> {
    await tx.query(MARK_RECORDED_SQL, [data.caseId, data.clockKey, firing.kind, firing.level, firing.at]);
  }

  private async cancel({ data }: SlaClockStopped, tx: EntityManager): Promise<void> {
    await tx.query(CANCEL_CLOCK_SQL, [data.caseId, data.clockKey, data.stoppedAt]);
  }
}
