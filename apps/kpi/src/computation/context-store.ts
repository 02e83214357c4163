import { rowsOf, type SqlExecutor } from '@collab/following';
import type { ContextChange } from '../facts/fed-fact';

/** A queue's unit as of an instant; a queue the directory never announced is taken as its own unit's queue (a unit's own queue may carry its id). */
const UNIT_OF_QUEUE = `coalesce((select unit_id from kpi.queue_unit where queue_id = $1 and from_at <= $2 order by from_at desc limit 1), $1)`;

/**
 * The directory changed (a queue moved, a unit's calendar or parent): every holding of an affected
 * queue is attributed again as of its own instant, and the cases concerned are answered, so their
 * observations are scoped and measured again. This is what makes the order of org and case events not matter.
 */
export const reattribute = async (tx: SqlExecutor, change: ContextChange): Promise<readonly string[]> => {
  if (change.kind === 'queue-unit') {
    const rows = rowsOf<{ case_id: string }>(
      await tx.query(
        `update kpi.case_holding h set unit_id = coalesce((select q.unit_id from kpi.queue_unit q where q.queue_id = h.queue_id and q.from_at <= h.from_at order by q.from_at desc limit 1), h.queue_id)
         where h.queue_id = $1 returning h.case_id`,
        [change.queueId],
      ),
    );
    return [...new Set(rows.map((row) => row.case_id))];
  }
  if (change.kind === 'unit') {
    const rows = rowsOf<{ case_id: string }>(await tx.query(`select distinct case_id from kpi.case_holding where unit_id = $1`, [change.unitId]));
    return rows.map((row) => row.case_id);
  }
  return [];
};

/** Applies one context change; each is an upsert or an insert that ignores its repetition (counters are guarded by the fact's first insert). */
export const applyContext = async (tx: SqlExecutor, change: ContextChange): Promise<void> => {
  switch (change.kind) {
    case 'case-dims':
      await tx.query(`insert into kpi.case_context (case_id, dims) values ($1, $2) on conflict (case_id) do update set dims = kpi.case_context.dims || excluded.dims`, [change.caseId, JSON.stringify(change.dims)]);
      return;
    case 'case-count':
      await tx.query(`insert into kpi.case_context (case_id, ${change.counter}) values ($1, 1) on conflict (case_id) do update set ${change.counter} = kpi.case_context.${change.counter} + 1`, [change.caseId]);
      return;
    case 'holding':
      await tx.query(`insert into kpi.case_holding (case_id, from_at, event_id, queue_id, unit_id) values ($3, $2, $4, $1, ${UNIT_OF_QUEUE}) on conflict do nothing`, [change.queue, change.at, change.caseId, change.eventId]);
      return;
    case 'queue-unit':
      await tx.query(`insert into kpi.queue_unit (queue_id, from_at, unit_id) values ($1, $2, $3) on conflict do nothing`, [change.queueId, change.at, change.unitId]);
      return;
    case 'unit':
      await tx.query(
        `insert into kpi.unit (unit_id, parent_id, calendar_id) values ($1, $2, $3) on conflict (unit_id) do update set
           parent_id = case when $4 then excluded.parent_id else kpi.unit.parent_id end, calendar_id = coalesce(excluded.calendar_id, kpi.unit.calendar_id)`,
        [change.unitId, change.parentId ?? null, change.calendarId ?? null, change.parentId !== undefined],
      );
      return;
    case 'customer':
      await tx.query(`insert into kpi.fact_customer (event_id, customer_key) select $1, unnest($2::text[]) on conflict do nothing`, [change.eventId, change.keys]);
      return;
    case 'task-target':
      await tx.query(`insert into kpi.task_target (task_id, case_id, target_kind, target_id) values ($1, $2, $3, $4) on conflict do nothing`, [change.taskId, change.caseId, change.targetKind, change.targetId]);
      return;
  }
};

/**
 * Scopes every observation of the cases anew: the case's dimensions, under them the unit holding the
 * case at each observation's own instant (so a later transfer or a moved queue does not move the
 * past), a task's target (its department or partner), and the fact's own dimensions last. Run
 * after every batch of facts for the batch's cases, so the scope converges whichever of the case's events came first.
 */
export const rescopeCases = async (tx: SqlExecutor, caseIds: readonly string[]): Promise<void> => {
  if (caseIds.length === 0) return;
  await tx.query(
    `update kpi.observation o set dims =
        coalesce((select c.dims from kpi.case_context c where c.case_id = o.case_id), '{}'::jsonb)
     || coalesce((select jsonb_build_object('unit', h.unit_id) from kpi.case_holding h
                  where h.case_id = o.case_id and h.from_at <= o.at order by h.from_at desc, h.event_id desc limit 1), '{}'::jsonb)
     || coalesce((select case t.target_kind when 'PARTNER' then jsonb_build_object('partner', t.target_id) else jsonb_build_object('unit', t.target_id) end
                  from kpi.task_target t where t.task_id = o.task_id), '{}'::jsonb)
     || o.own
     where o.case_id = any($1::text[])`,
    [caseIds],
  );
};

export interface CaseCounts {
  readonly contacts: number;
  readonly reopens: number;
  readonly tasks: number;
}

export const caseCounts = async (tx: SqlExecutor, caseId: string): Promise<CaseCounts> =>
  rowsOf<CaseCounts>(await tx.query(`select contacts, reopens, tasks from kpi.case_context where case_id = $1`, [caseId]))[0] ?? { contacts: 0, reopens: 0, tasks: 0 };
