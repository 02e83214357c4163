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

/** Keeps workflow.sla_clock equal to the fold of the SLA streams; other events pass by. */
@Injectable()
export class SlaClockProjection extends Projection {
  readonly name = 'workflow.sla-clocks';
  readonly log = 'workflow';
  readonly handles = SLA_EVENT_TYPES;
  readonly tables = ['workflow.sla_clock'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      const sla = { type: event.type, data: event.data } as SlaEvent;
      const [sql, values] = this.change(sla, event.streamVersion);
      if (sql) await tx.query(sql, values);
    }
  }

  /** The statement an event calls for; every one only moves a row forward (`version`), so a replay changes nothing. */
  private change(event: SlaEvent, version: number): [string | null, unknown[]] {
    const key = [event.data.caseId, event.data.clockKey, version];
    const update = (set: string): string =>
      `update workflow.sla_clock set ${set}, version = $3 where case_id = $1 and clock_key = $2 and version < $3`;
    switch (event.type) {
      case 'SlaClockStarted':
        return [
          `insert into workflow.sla_clock (case_id, clock_key, task_id, clock_holder_id, clock_holder_kind, calendar_id, target_minutes, started_at, due_at, warn_at, escalations, version)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)
           on conflict (case_id, clock_key) do update set task_id = excluded.task_id, clock_holder_id = excluded.clock_holder_id, clock_holder_kind = excluded.clock_holder_kind,
             calendar_id = excluded.calendar_id, target_minutes = excluded.target_minutes, started_at = excluded.started_at,
             due_at = excluded.due_at, warn_at = excluded.warn_at, escalations = excluded.escalations, warned_at = null, breached_at = null, escalation_level = 0,
             stopped_at = null, stop_reason = null, met = null, version = excluded.version
           where workflow.sla_clock.version < excluded.version`,
          started(event, version),
        ];
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
