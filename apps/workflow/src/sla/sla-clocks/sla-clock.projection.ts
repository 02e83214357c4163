import { Injectable } from '@nestjs/common';
import { SLA_EVENT_TYPES } from '@collab/workflow-domain';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { Projection } from '@collab/service-kit';
import type { SlaClockStarted, SlaEvent } from '@collab/workflow-domain';

const started = ({ data }: SlaClockStarted, version: number): unknown[] => [
  data.caseId,
  data.clockKey,
  data.taskId,
  data.clockHolder?.id ?? null,
  data.clockHolder?.kind ?? null,
  data.calendarId,
  data.targetMinutes,
  data.startedAt,
  data.dueAt,
  data.warnAt,
  JSON.stringify(data.escalations),
  version,
];

/** The columns of a started clock's row, in the order of `started`, and their array types. */
const STARTED_COLUMNS = [
  ['case_id', 'text'],
  ['clock_key', 'text'],
  ['task_id', 'text'],
  ['clock_holder_id', 'text'],
  ['clock_holder_kind', 'text'],
  ['calendar_id', 'text'],
  ['target_minutes', 'int'],
  ['started_at', 'timestamptz'],
  ['due_at', 'timestamptz'],
  ['warn_at', 'timestamptz'],
  ['escalations', 'text'],
  ['version', 'int'],
] as const;

/** Starts (or restarts) each clock of the run, one row each, index by index; no clock twice in one statement. */
const START_CLOCKS_SQL = `insert into workflow.sla_clock (${STARTED_COLUMNS.map(([name]) => name).join(', ')})
  select ${STARTED_COLUMNS.map(([name]) => (name === 'escalations' ? 'c.escalations::jsonb' : `c.${name}`)).join(', ')}
    from unnest(${STARTED_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')}) as c (${STARTED_COLUMNS.map(([name]) => name).join(', ')})
  on conflict (case_id, clock_key) do update set task_id = excluded.task_id, clock_holder_id = excluded.clock_holder_id, clock_holder_kind = excluded.clock_holder_kind,
    calendar_id = excluded.calendar_id, target_minutes = excluded.target_minutes, started_at = excluded.started_at,
    due_at = excluded.due_at, warn_at = excluded.warn_at, escalations = excluded.escalations, warned_at = null, breached_at = null, escalation_level = 0,
    stopped_at = null, stop_reason = null, met = null, version = excluded.version
  where workflow.sla_clock.version < excluded.version`;

/** Keeps workflow.sla_clock equal to the fold of the SLA streams; other events pass by. */
@Injectable()
export class SlaClockProjection extends Projection {
  readonly name = 'workflow.sla-clocks';
  readonly log = 'workflow';
  readonly handles = SLA_EVENT_TYPES;
  readonly tables = ['workflow.sla_clock'];

  /**
   * Clocks that start one after another are written in one statement (a round trip per start held
   * workflow's projection batch, and the case view with it, for a second on a busy machine); a clock
   * starting twice within the run, or any other event, first writes what was gathered, in log order.
   */
  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    let starts: unknown[][] = [];
    const start = async (): Promise<void> => {
      if (starts.length > 0) await tx.query(START_CLOCKS_SQL, STARTED_COLUMNS.map((_, column) => starts.map((row) => row[column])));
      starts = [];
    };
    for (const event of events) {
      const sla = { type: event.type, data: event.data } as SlaEvent;
      if (sla.type === 'SlaClockStarted') {
        const row = started(sla, event.streamVersion);
        if (starts.some((other) => other[0] === row[0] && other[1] === row[1])) await start();
        starts.push(row);
        continue;
      }
      await start();
      const [sql, values] = this.change(sla, event.streamVersion);
      if (sql) await tx.query(sql, values);
    }
    await start();
  }

  /** The statement an event calls for; every one only moves a row forward (`version`), so a replay changes nothing. */
  private change(event: Exclude<SlaEvent, SlaClockStarted>, version: number): [string | null, unknown[]] {
    const key = [event.data.caseId, event.data.clockKey, version];
    const update = (set: string): string =>
      `update workflow.sla_clock set ${set}, version = $3 where case_id = $1 and clock_key = $2 and version < $3`;
    switch (event.type) {
      case 'SlaWarning':
        return [update('warned_at = $4'), [...key, event.data.warnedAt]];
      case 'SlaBreached':
        return [update('breached_at = $4'), [...key, event.data.breachedAt]];
      case 'SlaEscalated':
        return [update('escalation_level = greatest(escalation_level, $4)'), [...key, event.data.level]];
      case 'SlaClockStopped':
        return [update('stopped_at = $4, stop_reason = $5, met = $6'), [...key, event.data.stoppedAt, event.data.reason, event.data.met]];
      default:
        return [null, []];
    }
  }
}
