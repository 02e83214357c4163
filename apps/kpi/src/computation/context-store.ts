import { rowsOf, type SqlExecutor } from '@collab/following';
import type { ContextChange } from '../facts/fed-fact';

/**
 * The directory changed (a queue moved, a unit's calendar or parent): every holding of an affected
 * queue is attributed again as of its own instant, and the cases concerned are answered, so their
 * observations are scoped and measured again. This is what makes the order of org and case events
 * not matter. Run once for a batch's changes after they are all written: a holding the batch itself
 * wrote is already attributed by the queue's units as they stand, and answering its case too only
 * measures it again.
 */
export const reattributeAll = async (tx: SqlExecutor, changes: readonly ContextChange[]): Promise<string[]> => {
  const queues = [...new Set(changes.flatMap((change) => (change.kind === 'queue-unit' ? [change.queueId] : [])))];
  const units = [...new Set(changes.flatMap((change) => (change.kind === 'unit' ? [change.unitId] : [])))];
  const cases = new Set<string>();
  if (queues.length > 0) {
    const rows = rowsOf<{ case_id: string }>(
      await tx.query(
        `update kpi.case_holding h set unit_id = coalesce((select q.unit_id from kpi.queue_unit q where q.queue_id = h.queue_id and q.from_at <= h.from_at order by q.from_at desc limit 1), h.queue_id)
         where h.queue_id = any($1::text[]) returning h.case_id`,
        [queues],
      ),
    );
    for (const row of rows) cases.add(row.case_id);
  }
  if (units.length > 0) {
    const rows = rowsOf<{ case_id: string }>(await tx.query(`select distinct case_id from kpi.case_holding where unit_id = any($1::text[])`, [units]));
    for (const row of rows) cases.add(row.case_id);
  }
  return [...cases];
};

type Change<Kind extends ContextChange['kind']> = Extract<ContextChange, { kind: Kind }>;

const ofKind = <Kind extends ContextChange['kind']>(changes: readonly ContextChange[], kind: Kind): Change<Kind>[] =>
  changes.filter((change): change is Change<Kind> => change.kind === kind);

const byKey = <Row>(rows: ReadonlyMap<string, Row>): Row[] => [...rows.keys()].sort().map((key) => rows.get(key)!);

/**
 * A case's context changes of a batch, merged in their order: dimensions laid over one another as
 * `||` does, counters summed; one row per case, as one upsert can touch a row only once.
 */
const caseRows = (changes: readonly ContextChange[]): object[] => {
  const rows = new Map<string, { case_id: string; dims: Record<string, string>; contacts: number; reopens: number; tasks: number }>();
  for (const change of changes) {
    if (change.kind !== 'case-dims' && change.kind !== 'case-count') continue;
    const row = rows.get(change.caseId) ?? { case_id: change.caseId, dims: {}, contacts: 0, reopens: 0, tasks: 0 };
    if (change.kind === 'case-dims') Object.assign(row.dims, change.dims);
    else row[change.counter] += 1;
    rows.set(change.caseId, row);
  }
  return byKey(rows);
};

/** A unit's changes of a batch, merged in their order: the last parent given (null included), the last calendar given. */
const unitRows = (changes: readonly Change<'unit'>[]): object[] => {
  const rows = new Map<string, { unit_id: string; parent_id: string | null; parent_given: boolean; calendar_id: string | null }>();
  for (const change of changes) {
    const row = rows.get(change.unitId) ?? { unit_id: change.unitId, parent_id: null, parent_given: false, calendar_id: null };
    if (change.parentId !== undefined) Object.assign(row, { parent_id: change.parentId, parent_given: true });
    if (change.calendarId !== undefined && change.calendarId !== null) row.calendar_id = change.calendarId;
    rows.set(change.unitId, row);
  }
  return byKey(rows);
};

/**
 * Applies a batch's context changes with one statement per table, each an upsert or an insert
 * that ignores its repetition (counters are guarded by the fact's first insert). Queues' units are
 * written before the holdings, whose unit is the queue's as of the holding's instant.
 */
export const applyContexts = async (tx: SqlExecutor, changes: readonly ContextChange[]): Promise<void> => {
  if (changes.length === 0) return;
  const units = unitRows(ofKind(changes, 'unit'));
  if (units.length > 0)
    await tx.query(
      `insert into kpi.unit (unit_id, parent_id, calendar_id)
       select r.unit_id, r.parent_id, r.calendar_id from jsonb_to_recordset($1::jsonb) as r(unit_id text, parent_id text, calendar_id text)
       on conflict (unit_id) do update set
         parent_id = case when (select (g->>'parent_given')::boolean from jsonb_array_elements($1::jsonb) g where g->>'unit_id' = excluded.unit_id)
                          then excluded.parent_id else kpi.unit.parent_id end,
         calendar_id = coalesce(excluded.calendar_id, kpi.unit.calendar_id)`,
      [JSON.stringify(units)],
    );
  const queues = ofKind(changes, 'queue-unit').map(({ queueId, at, unitId }) => ({ queue_id: queueId, from_at: at, unit_id: unitId }));
  if (queues.length > 0)
    await tx.query(
      `insert into kpi.queue_unit (queue_id, from_at, unit_id) select r.queue_id, r.from_at, r.unit_id
         from jsonb_to_recordset($1::jsonb) as r(queue_id text, from_at timestamptz, unit_id text) on conflict do nothing`,
      [JSON.stringify(queues)],
    );
  const holdings = ofKind(changes, 'holding').map(({ caseId, at, eventId, queue }) => ({ case_id: caseId, from_at: at, event_id: eventId, queue_id: queue }));
  if (holdings.length > 0)
    await tx.query(
      `insert into kpi.case_holding (case_id, from_at, event_id, queue_id, unit_id)
       select r.case_id, r.from_at, r.event_id, r.queue_id,
              coalesce((select q.unit_id from kpi.queue_unit q where q.queue_id = r.queue_id and q.from_at <= r.from_at order by q.from_at desc limit 1), r.queue_id)
         from jsonb_to_recordset($1::jsonb) as r(case_id text, from_at timestamptz, event_id text, queue_id text) on conflict do nothing`,
      [JSON.stringify(holdings)],
    );
  const targets = ofKind(changes, 'task-target').map(({ taskId, caseId, targetKind, targetId }) => ({ task_id: taskId, case_id: caseId, target_kind: targetKind, target_id: targetId }));
  if (targets.length > 0)
    await tx.query(
      `insert into kpi.task_target (task_id, case_id, target_kind, target_id) select r.task_id, r.case_id, r.target_kind, r.target_id
         from jsonb_to_recordset($1::jsonb) as r(task_id text, case_id text, target_kind text, target_id text) on conflict do nothing`,
      [JSON.stringify(targets)],
    );
  const customers = ofKind(changes, 'customer').flatMap(({ eventId, keys }) => keys.map((key) => [eventId, key] as const));
  if (customers.length > 0)
    await tx.query(`insert into kpi.fact_customer (event_id, customer_key) select * from unnest($1::text[], $2::text[]) on conflict do nothing`, [
      customers.map(([eventId]) => eventId),
      customers.map(([, key]) => key),
    ]);
  const cases = caseRows(changes);
  if (cases.length > 0)
    await tx.query(
      `insert into kpi.case_context (case_id, dims, contacts, reopens, tasks)
       select r.case_id, r.dims, r.contacts, r.reopens, r.tasks from jsonb_to_recordset($1::jsonb) as r(case_id text, dims jsonb, contacts int, reopens int, tasks int)
       on conflict (case_id) do update set dims = kpi.case_context.dims || excluded.dims, contacts = kpi.case_context.contacts + excluded.contacts,
         reopens = kpi.case_context.reopens + excluded.reopens, tasks = kpi.case_context.tasks + excluded.tasks`,
      [JSON.stringify(cases)],
    );
};

/** The scope of an observation `o` as the context stands (the rule page-fold's SCOPE_OF_ROW applies to a row about to be written). */
const SCOPE_OF_OBSERVATION = `(coalesce((select c.dims from kpi.case_context c where c.case_id = o.case_id), '{}'::jsonb)
  || coalesce((select jsonb_build_object('unit', h.unit_id) from kpi.case_holding h
               where h.case_id = o.case_id and h.from_at <= o.at order by h.from_at desc, h.event_id desc limit 1), '{}'::jsonb)
  || coalesce((select case t.target_kind when 'PARTNER' then jsonb_build_object('partner', t.target_id) else jsonb_build_object('unit', t.target_id) end
               from kpi.task_target t where t.task_id = o.task_id), '{}'::jsonb)
  || o.own)`;

/**
 * Scopes every observation of the cases anew: the case's dimensions, under them the unit holding the
 * case at each observation's own instant (so a later transfer or a moved queue does not move the
 * past), a task's target (its department or partner), and the fact's own dimensions last. Run
 * after every batch of facts for the batch's cases, so the scope converges whichever of the case's events came first.
 * Only the rows whose scope changed are written: those the batch itself wrote were scoped as written.
 */
export const rescopeCases = async (tx: SqlExecutor, caseIds: readonly string[]): Promise<void> => {
  if (caseIds.length === 0) return;
  // One table, read through its case index: joined to itself by key, the planner hashed a scan of every observation.
  await tx.query(
    `update kpi.observation o set dims = ${SCOPE_OF_OBSERVATION}
      where o.case_id = any($1::text[]) and o.dims is distinct from ${SCOPE_OF_OBSERVATION}`,
    [caseIds],
  );
};

export interface CaseCounts {
  readonly contacts: number;
  readonly reopens: number;
  readonly tasks: number;
}

/** The counts of the given cases as they stand; a case not yet known has none. */
export const caseCountsOf = async (tx: SqlExecutor, caseIds: readonly string[]): Promise<Map<string, CaseCounts>> => {
  const counts = new Map<string, CaseCounts>(caseIds.map((caseId) => [caseId, { contacts: 0, reopens: 0, tasks: 0 }]));
  if (caseIds.length === 0) return counts;
  const rows = rowsOf<CaseCounts & { case_id: string }>(await tx.query(`select case_id, contacts, reopens, tasks from kpi.case_context where case_id = any($1::text[])`, [caseIds]));
  for (const { case_id, contacts, reopens, tasks } of rows) counts.set(case_id, { contacts, reopens, tasks });
  return counts;
};
