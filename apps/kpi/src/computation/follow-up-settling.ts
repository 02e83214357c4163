import { rowsOf, type SqlExecutor } from '@collab/following';
import { countsUnlessFollowedUp, followUpOf, isFollowUp, wasFollowedUp, type FollowUp, type KpiDefinitionVersion, type KpiFact } from '@collab/kpi-domain';

/**
 * Serialises the folds of one customer's facts, to the end of the caller's transaction: a
 * self-service answer and the case that undoes it may be folded at once by two consumers (or a
 * consumer and a backfill), and each must see the other's fact once it holds the lock. Keys are
 * taken in sorted order, so two folds never wait on each other in a circle. A backfill takes them
 * before it writes anything, so no row lock is held while it waits.
 */
export const lockCustomers = async (tx: SqlExecutor, sortedKeys: readonly string[]): Promise<void> => {
  if (sortedKeys.length === 0) return;
  await tx.query(`select pg_advisory_xact_lock(hashtextextended('kpi.customer:' || k, 0)) from (select unnest($1::text[]) as k order by 1) as keys`, [sortedKeys]);
};

/** The customer keys of journalled facts, sorted (a backfill page's, to lock them). */
export const customerKeysOfFacts = async (tx: SqlExecutor, eventIds: readonly string[]): Promise<string[]> =>
  rowsOf<{ customer_key: string }>(await tx.query(`select distinct customer_key from kpi.fact_customer where event_id = any($1::text[]) order by 1`, [eventIds])).map((row) => row.customer_key);

/**
 * The two reads below go from the given facts to their customers' other facts key by key (`offset 0`
 * keeps each lateral step a probe of its index): joined freely, the planner, without statistics,
 * hashed a parallel scan of every customer key, a cost that grew with the journal.
 */

/** The counted facts among `facts`, and those the follow-ups among them reach back to: the same customer's, within the window before. */
const countedConcerned = async (tx: SqlExecutor, definition: KpiDefinitionVersion, followUp: FollowUp, facts: readonly KpiFact[]): Promise<string[]> => {
  const counted = facts.filter((fact) => countsUnlessFollowedUp(definition, fact)).map((fact) => fact.eventId);
  const followUps = facts.filter((fact) => isFollowUp(definition, fact)).map((fact) => fact.eventId);
  if (followUps.length === 0 || definition.measure.kind !== 'count') return counted;
  const reached = rowsOf<{ event_id: string }>(
    await tx.query(
      `select distinct a.event_id from kpi.fact c
         cross join lateral (select ck.customer_key from kpi.fact_customer ck where ck.event_id = c.event_id offset 0) ck
         cross join lateral (select ak.event_id from kpi.fact_customer ak where ak.customer_key = ck.customer_key and ak.event_id <> c.event_id offset 0) ak
         cross join lateral (select a.event_id from kpi.fact a
                              where a.event_id = ak.event_id and a.kind = $2 and a.at <= c.at and a.at >= c.at - make_interval(mins => $3) offset 0) a
        where c.event_id = any($1::text[])`,
      [followUps, definition.measure.of.fact, followUp.withinMinutes],
    ),
  );
  return [...new Set([...counted, ...reached.map((row) => row.event_id)])];
};

interface CandidateRow {
  readonly counted_id: string;
  readonly counted_at: Date;
  readonly event_id: string;
  readonly kind: KpiFact['kind'];
  readonly at: Date;
  readonly case_id: string | null;
  readonly task_id: string | null;
  readonly dims: KpiFact['dims'];
  readonly attrs: KpiFact['attrs'];
}

/** Of the counted facts, those the same customer followed up (the domain's rule judges each over the journal's facts of that customer). */
const followedUp = async (tx: SqlExecutor, followUp: FollowUp, countedIds: readonly string[]): Promise<string[]> => {
  const rows = rowsOf<CandidateRow>(
    await tx.query(
      `select distinct a.event_id as counted_id, a.at as counted_at, c.event_id, c.kind, c.at, c.case_id, c.task_id, c.dims, c.attrs
         from kpi.fact a
         cross join lateral (select ak.customer_key from kpi.fact_customer ak where ak.event_id = a.event_id offset 0) ak
         cross join lateral (select ck.event_id from kpi.fact_customer ck where ck.customer_key = ak.customer_key and ck.event_id <> a.event_id offset 0) ck
         cross join lateral (select c.* from kpi.fact c
                              where c.event_id = ck.event_id and c.kind = $2 and c.at >= a.at and c.at <= a.at + make_interval(mins => $3) offset 0) c
        where a.event_id = any($1::text[])`,
      [countedIds, followUp.of.fact, followUp.withinMinutes],
    ),
  );
  const byCounted = new Map<string, { at: string; facts: KpiFact[] }>();
  for (const row of rows) {
    const entry = byCounted.get(row.counted_id) ?? { at: row.counted_at.toISOString(), facts: [] };
    entry.facts.push({ eventId: row.event_id, kind: row.kind, at: row.at.toISOString(), caseId: row.case_id, taskId: row.task_id, dims: row.dims, attrs: row.attrs });
    byCounted.set(row.counted_id, entry);
  }
  return [...byCounted].filter(([, { at, facts }]) => wasFollowedUp(followUp, { at }, facts)).map(([id]) => id);
};

/**
 * Takes out of a follow-up KPI (knowledge deflection) the counted facts the same customer followed
 * up: after the fold of `facts`, each counted fact among them or reached back by a follow-up among
 * them is judged again over the whole journal, and its observation removed if it was followed up.
 * Judged over facts, not over arrival: a case folded before its answer removes the answer as it is
 * folded; an answer folded before its case is removed when the case is. A followed-up fact stays
 * followed up (the journal only grows), so removing is all settling ever does. Answers the instants
 * of the observations removed (their buckets changed).
 */
export const settleFollowUps = async (tx: SqlExecutor, definition: KpiDefinitionVersion, facts: readonly KpiFact[]): Promise<string[]> => {
  const followUp = followUpOf(definition);
  if (followUp === undefined) return [];
  const concerned = await countedConcerned(tx, definition, followUp, facts);
  if (concerned.length === 0) return [];
  const undone = await followedUp(tx, followUp, concerned);
  if (undone.length === 0) return [];
  const removed = rowsOf<{ at: Date }>(
    await tx.query(`delete from kpi.observation where kpi_id = $1 and version = $2 and source_key = any($3::text[]) returning at`, [definition.kpiId, definition.version, undone]),
  );
  return removed.map((row) => row.at.toISOString());
};
