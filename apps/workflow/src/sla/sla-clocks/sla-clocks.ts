import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@collab/service-kit';
import type { ScheduledEscalation } from '@collab/workflow-domain';
import type { ClockHolder } from '../../cases/case.answers';

/** Where a clock stands: running (maybe warned or breached), or stopped in time or late. */
export type SlaClockStatus = 'RUNNING' | 'WARNED' | 'BREACHED' | 'MET' | 'MISSED';

/** One clock of a case or of one of its tasks, as staff and the workbench read it. */
export interface SlaClockReading {
  readonly caseId: string;
  /** Null for the case's own clocks. */
  readonly taskId: string | null;
  /** `case:response`, `case:resolution`, `case:auto-close`, `task:<taskId>:accept`, `task:<taskId>:complete`. */
  readonly clockKey: string;
  readonly status: SlaClockStatus;
  /** Whose clock it is: the task's target (UNIT or PARTNER) for a task clock; null for the case's clocks (held by the unit owning the case's queue). */
  readonly clockHolder: ClockHolder | null;
  /** Null for the quiet period before auto-close, which counts calendar minutes. */
  readonly calendarId: string | null;
  readonly targetMinutes: number;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly warnAt: string | null;
  readonly warnedAt: string | null;
  readonly breachedAt: string | null;
  /** The highest escalation level reached so far; 0 for none. */
  readonly escalationLevel: number;
  /** Each level of the clock's escalation policy, when it falls due and whether it was reached. */
  readonly escalations: readonly (ScheduledEscalation & { readonly reached: boolean })[];
  readonly stoppedAt: string | null;
  readonly stopReason: string | null;
  /** Whether the work was done by the due time; null while the clock runs. */
  readonly met: boolean | null;
  /** Whole seconds until the due time, negative once overdue (wall-clock time); null once stopped. */
  readonly secondsToDue: number | null;
}

interface ClockRow {
  readonly case_id: string;
  readonly task_id: string | null;
  readonly clock_key: string;
  readonly clock_holder_id: string | null;
  readonly clock_holder_kind: string | null;
  readonly calendar_id: string | null;
  readonly target_minutes: number;
  readonly started_at: Date;
  readonly due_at: Date;
  readonly warn_at: Date | null;
  readonly warned_at: Date | null;
  readonly breached_at: Date | null;
  readonly escalation_level: number;
  readonly escalations: readonly ScheduledEscalation[];
  readonly stopped_at: Date | null;
  readonly stop_reason: string | null;
  readonly met: boolean | null;
}

const statusOf = (row: ClockRow): SlaClockStatus => {
  if (row.stopped_at) return row.met ? 'MET' : 'MISSED';
  if (row.breached_at) return 'BREACHED';
  return row.warned_at ? 'WARNED' : 'RUNNING';
};

/** A clock's holder is a task's target, a unit or a partner (the projection writes its kind; migration 0010 filled rows stored before). */
const holderOf = ({ clock_holder_id: id, clock_holder_kind: kind }: ClockRow): ClockHolder | null =>
  id === null ? null : { kind: kind === 'PARTNER' ? 'PARTNER' : 'UNIT', id };

const readingOf = (row: ClockRow, now: Date): SlaClockReading => ({
  caseId: row.case_id,
  taskId: row.task_id,
  clockKey: row.clock_key,
  status: statusOf(row),
  clockHolder: holderOf(row),
  calendarId: row.calendar_id,
  targetMinutes: row.target_minutes,
  startedAt: row.started_at.toISOString(),
  dueAt: row.due_at.toISOString(),
  warnAt: row.warn_at?.toISOString() ?? null,
  warnedAt: row.warned_at?.toISOString() ?? null,
  breachedAt: row.breached_at?.toISOString() ?? null,
  escalationLevel: row.escalation_level,
  escalations: row.escalations.map((escalation) => ({ ...escalation, reached: escalation.level <= row.escalation_level })),
  stoppedAt: row.stopped_at?.toISOString() ?? null,
  stopReason: row.stop_reason,
  met: row.met,
  secondsToDue: row.stopped_at ? null : Math.floor((row.due_at.getTime() - now.getTime()) / 1000),
});

const COLUMNS = `case_id, task_id, clock_key, clock_holder_id, clock_holder_kind, calendar_id, target_minutes, started_at, due_at, warn_at,
  warned_at, breached_at, escalation_level, escalations, stopped_at, stop_reason, met`;

/**
 * The SLA clocks of cases and tasks from workflow.sla_clock, with countdowns by the injected
 * clock. Other features inject it (the workbench sorts work by SLA risk with it); it answers
 * only what the SLA streams recorded, and says nothing about who may see a case.
 */
@Injectable()
export class SlaClocks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every clock of these cases (their own and their tasks'), oldest start first; countdowns from `now`. */
  forCases(caseIds: readonly string[], now: Date = this.clock.now()): Promise<SlaClockReading[]> {
    return this.read({ where: 'case_id = any($1::text[])', ids: caseIds, now });
  }

  /** The accept and complete clocks of these tasks; countdowns from `now`. */
  forTasks(taskIds: readonly string[], now: Date = this.clock.now()): Promise<SlaClockReading[]> {
    return this.read({ where: 'task_id = any($1::text[])', ids: taskIds, now });
  }

  private async read({ where, ids, now }: { where: string; ids: readonly string[]; now: Date }): Promise<SlaClockReading[]> {
    if (ids.length === 0) return [];
    const rows: ClockRow[] = await this.dataSource.query(
      `select ${COLUMNS} from workflow.sla_clock where ${where} order by case_id, started_at, clock_key`,
      [ids],
    );
    return rows.map((row) => readingOf(row, now));
  }
}
