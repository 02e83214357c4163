import { defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import { rowsOf, type SqlExecutor } from '@collab/following';
import { contributionsOf, followUpOf, kindsRead, minutesBetween, type KpiDefinitionVersion, type KpiFact } from '@collab/kpi-domain';
import { customerKeysOfFacts, lockCustomers, settleFollowUps } from '../computation/follow-up-settling';

const CALENDARS: ReadonlyMap<string, BusinessCalendar> = new Map(defaultCalendars().map((calendar) => [calendar.id, calendar]));

/** Facts that change which unit holds a case, so its business-time durations are measured again. */
const CHANGES_HOLDING = new Set(['CaseQueued', 'CaseReopened']);

/**
 * The fact kinds a page fold of this version does anything with: those its measure reads, and for
 * business time those that change the holding unit. A backfill reads only these from the journal;
 * every other fact would contribute nothing.
 */
export const kindsFolded = (definition: KpiDefinitionVersion): string[] => {
  const { measure } = definition;
  const remeasures = measure.kind === 'duration' && measure.time === 'business';
  return [...new Set([...kindsRead(definition), ...(remeasures ? CHANGES_HOLDING : [])])];
};

interface ObservationRow {
  readonly source_key: string;
  readonly part: string;
  readonly case_id: string | null;
  readonly task_id: string | null;
  readonly at: string;
  readonly own: KpiFact['dims'];
  readonly value: number;
}

interface EndRow {
  readonly pair_key: string;
  readonly role: 'start' | 'end';
  readonly at: string;
  readonly dims: KpiFact['dims'];
}

/**
 * What a page of facts adds to one KPI version, gathered in memory: one observation per (source,
 * part), and per duration end the earliest start and the first or last end. Equal instants keep the
 * end that came first, as the database's strict comparison (keepEnds) does for ends already kept.
 */
class PageFold {
  readonly observations = new Map<string, ObservationRow>();
  readonly ends = new Map<string, EndRow>();
  readonly remeasured = new Set<string>();

  constructor(private readonly definition: KpiDefinitionVersion) {}

  add(fact: KpiFact): void {
    for (const contribution of contributionsOf(this.definition, fact)) {
      if (contribution.part === 'start' || contribution.part === 'end') this.keepEnd(fact, contribution.part);
      else
        this.observations.set(`${fact.eventId}\u0000${contribution.part}`, {
          source_key: fact.eventId, part: contribution.part, case_id: fact.caseId, task_id: fact.taskId, at: fact.at, own: fact.dims, value: contribution.value,
        });
    }
    if (fact.caseId !== null && CHANGES_HOLDING.has(fact.kind)) this.remeasured.add(fact.caseId);
  }

  private keepEnd(fact: KpiFact, role: 'start' | 'end'): void {
    const { measure } = this.definition;
    if (measure.kind !== 'duration' || fact.caseId === null) return;
    const key = `${fact.caseId}\u0000${role}`;
    const kept = this.ends.get(key);
    const at = Date.parse(fact.at);
    const latest = role === 'end' && measure.until === 'last';
    if (kept !== undefined && (latest ? at <= Date.parse(kept.at) : at >= Date.parse(kept.at))) return;
    this.ends.set(key, { pair_key: fact.caseId, role, at: fact.at, dims: role === 'end' ? fact.dims : {} });
  }

  /** The pairs to measure: every pair an end of this page touched, and, for business time, every case whose holding changed. */
  pairs(): string[] {
    const { measure } = this.definition;
    if (measure.kind !== 'duration') return [];
    const touched = new Set([...this.ends.values()].map((end) => end.pair_key));
    if (measure.time === 'business') for (const caseId of this.remeasured) touched.add(caseId);
    return [...touched];
  }
}

/**
 * The scoping rule of context-store's rescopeCases, for a row about to be written: the case's
 * dimensions, the unit holding the case at the row's instant, a task's target, the fact's own last.
 * The context is already journalled for every fact a backfill reads (and, live, for every fact of
 * the batch); a fact journalled later rescopes its case (context-store's rescopeCases).
 */
const SCOPE_OF_ROW = `coalesce((select c.dims from kpi.case_context c where c.case_id = r.case_id), '{}'::jsonb)
  || coalesce((select jsonb_build_object('unit', h.unit_id) from kpi.case_holding h
               where h.case_id = r.case_id and h.from_at <= r.at order by h.from_at desc, h.event_id desc limit 1), '{}'::jsonb)
  || coalesce((select case t.target_kind when 'PARTNER' then jsonb_build_object('partner', t.target_id) else jsonb_build_object('unit', t.target_id) end
               from kpi.task_target t where t.task_id = r.task_id), '{}'::jsonb)
  || r.own`;

/** A KPI version's rows of a write: written beside other versions', keyed by the version. */
interface Versioned<Row> {
  readonly definition: KpiDefinitionVersion;
  readonly rows: readonly Row[];
}

const keyed = <Row extends object>(groups: readonly Versioned<Row>[]): object[] =>
  groups.flatMap(({ definition: { kpiId, version }, rows }) => rows.map((row) => ({ kpi_id: kpiId, version, ...row })));

/** Writes observations already scoped, so no update of the case's rows follows; every version's in one statement. */
const upsertObservations = async (tx: SqlExecutor, groups: readonly Versioned<ObservationRow>[]): Promise<void> => {
  const rows = keyed(groups);
  if (rows.length === 0) return;
  await tx.query(
    `insert into kpi.observation (kpi_id, version, source_key, part, case_id, task_id, at, own, dims, value)
     select r.kpi_id, r.version, r.source_key, r.part, r.case_id, r.task_id, r.at, r.own, ${SCOPE_OF_ROW}, r.value
       from jsonb_to_recordset($1::jsonb) as r(kpi_id text, version int, source_key text, part text, case_id text, task_id text, at timestamptz, own jsonb, value float8)
     on conflict (kpi_id, version, source_key, part) do update set at = excluded.at, value = excluded.value, own = excluded.own, dims = excluded.dims`,
    [JSON.stringify(rows)],
  );
};

/** Each end is kept only where it is better than the one already kept (a live fold may have written it first); every version's in one statement. */
const keepEnds = async (tx: SqlExecutor, groups: readonly Versioned<EndRow>[]): Promise<void> => {
  const durations = groups.filter(({ definition }) => definition.measure.kind === 'duration');
  const rows = keyed(durations);
  if (rows.length === 0) return;
  // The versions that keep their last end rather than their first.
  const latest = durations.flatMap(({ definition }) => (definition.measure.kind === 'duration' && definition.measure.until === 'last' ? [definition] : []));
  await tx.query(
    `insert into kpi.duration_end (kpi_id, version, pair_key, role, at, dims)
     select r.kpi_id, r.version, r.pair_key, r.role, r.at, r.dims
       from jsonb_to_recordset($1::jsonb) as r(kpi_id text, version int, pair_key text, role text, at timestamptz, dims jsonb)
     on conflict (kpi_id, version, pair_key, role) do update set at = excluded.at, dims = excluded.dims
     where case when excluded.role = 'end' and (excluded.kpi_id, excluded.version) in (select * from unnest($2::text[], $3::int[]))
                then excluded.at > kpi.duration_end.at else excluded.at < kpi.duration_end.at end`,
    [JSON.stringify(rows), latest.map(({ kpiId }) => kpiId), latest.map(({ version }) => version)],
  );
};

interface PairRow {
  readonly kpi_id: string;
  readonly version: number;
  readonly pair_key: string;
  readonly start_at: Date;
  readonly end_at: Date;
  readonly end_dims: KpiFact['dims'];
  readonly calendar_id: string | null;
}

const versionKey = (kpiId: string, version: number): string => `${kpiId}\u0000${version}`;

/**
 * Measures the given pairs whose two ends are known, on the calendar of the unit holding the case at
 * its end: every version's pairs in one read and one write. The read goes key by key (each pair's
 * start and end by the whole primary key): a join of the table on itself let the planner, on
 * statistics taken while the table was small, scan every end of the KPI for every pair asked
 * (quadratic in the table's size; docs/benchmarks.md, KPI section).
 */
const completePairs = async (tx: SqlExecutor, groups: readonly Versioned<string>[]): Promise<void> => {
  const definitions = new Map<string, KpiDefinitionVersion>();
  const asked: object[] = [];
  for (const { definition, rows: pairKeys } of groups) {
    const { measure } = definition;
    if (measure.kind !== 'duration') continue;
    definitions.set(versionKey(definition.kpiId, definition.version), definition);
    for (const pairKey of pairKeys) asked.push({ kpi_id: definition.kpiId, version: definition.version, pair_key: pairKey, business: measure.time === 'business' });
  }
  if (asked.length === 0) return;
  const pairs = rowsOf<PairRow>(
    await tx.query(
      `select k.kpi_id, k.version, k.pair_key, s.at as start_at, e.at as end_at, e.dims as end_dims,
              case when k.business then (select u.calendar_id from kpi.case_holding h join kpi.unit u on u.unit_id = h.unit_id
                                          where h.case_id = k.pair_key and h.from_at <= e.at order by h.from_at desc, h.event_id desc limit 1) end as calendar_id
         from jsonb_to_recordset($1::jsonb) as k(kpi_id text, version int, pair_key text, business boolean)
         cross join lateral (select d.at from kpi.duration_end d where d.kpi_id = k.kpi_id and d.version = k.version and d.pair_key = k.pair_key and d.role = 'start') s
         cross join lateral (select d.at, d.dims from kpi.duration_end d where d.kpi_id = k.kpi_id and d.version = k.version and d.pair_key = k.pair_key and d.role = 'end') e`,
      [JSON.stringify(asked)],
    ),
  );
  const measured = new Map<KpiDefinitionVersion, ObservationRow[]>();
  for (const pair of pairs) {
    const definition = definitions.get(versionKey(pair.kpi_id, pair.version))!;
    const { measure } = definition;
    if (measure.kind !== 'duration') continue;
    const [start, end] = [pair.start_at.toISOString(), pair.end_at.toISOString()];
    const calendar = pair.calendar_id === null ? undefined : CALENDARS.get(pair.calendar_id);
    const minutes = minutesBetween(start, end, measure.time, calendar);
    const rows = measured.get(definition) ?? [];
    rows.push({ source_key: `pair:${pair.pair_key}`, part: 'value', case_id: pair.pair_key, task_id: null, at: end, own: pair.end_dims, value: minutes });
    measured.set(definition, rows);
  }
  await upsertObservations(tx, [...measured].map(([definition, rows]) => ({ definition, rows })));
};

/** A page of facts gathered in memory for one KPI version: what it writes, before any statement. */
export interface GatheredPage {
  readonly definition: KpiDefinitionVersion;
  readonly facts: readonly KpiFact[];
  readonly observations: readonly ObservationRow[];
  readonly ends: readonly EndRow[];
  readonly pairs: readonly string[];
}

/**
 * Gathers a page of journalled facts for one KPI version in memory, by the same keys and rules
 * whatever the page: a backfill's page of the journal, or the facts a live batch journalled (then
 * `remeasure` names the cases the directory attributed again, whose business durations are measured
 * anew). Needs no database: a backfill gathers the next page while the statements of the one before
 * are still running.
 */
export const gatherPage = (definition: KpiDefinitionVersion, facts: readonly KpiFact[], { remeasure = [] }: { readonly remeasure?: readonly string[] } = {}): GatheredPage => {
  const page = new PageFold(definition);
  for (const fact of facts) page.add(fact);
  for (const caseId of remeasure) page.remeasured.add(caseId);
  return { definition, facts, observations: [...page.observations.values()], ends: [...page.ends.values()], pairs: page.pairs() };
};

/**
 * Writes gathered pages, one per KPI version, with a handful of statements for all of them together:
 * multi-row upserts (observations scoped as they are written, duration ends) and the pairs measured
 * in one read, each statement keyed by version. A live batch writes every live version's page at
 * once; a backfill, its one version's. Both write through here, so a backfill ends equal to live
 * folding. Answers, per page, the instants of the observations a follow-up took out (self-service
 * answers no longer deflected): their figures changed.
 */
export const writePages = async (tx: SqlExecutor, pages: readonly GatheredPage[]): Promise<string[][]> => {
  // A fold's statements are keyed lookups over one page, for the rest of its transaction too (the live
  // rescope). Without fresh statistics (a table grown since its last analyze) the planner guesses
  // thousands of rows per key, and compiling that guess with JIT took seconds per batch against
  // milliseconds to run it (docs/benchmarks.md, KPI section).
  await tx.query('set local jit = off');
  // A follow-up KPI locks the page's customers before anything is written (follow-up-settling.ts), as live folding does.
  const followingUp = pages.filter((page) => followUpOf(page.definition) !== undefined);
  const facts = [...new Set(followingUp.flatMap((page) => page.facts.map((fact) => fact.eventId)))];
  if (facts.length > 0) await lockCustomers(tx, await customerKeysOfFacts(tx, facts));
  await upsertObservations(tx, pages.map(({ definition, observations }) => ({ definition, rows: observations })));
  await keepEnds(tx, pages.map(({ definition, ends }) => ({ definition, rows: ends })));
  await completePairs(tx, pages.map(({ definition, pairs }) => ({ definition, rows: pairs })));
  const removed: string[][] = [];
  for (const page of pages) removed.push(followUpOf(page.definition) === undefined ? [] : await settleFollowUps(tx, page.definition, page.facts));
  return removed;
};

/** Writes one version's gathered page (writePages); answers the instants a follow-up took out. */
export const writePage = async (tx: SqlExecutor, page: GatheredPage): Promise<string[]> => (await writePages(tx, [page]))[0] ?? [];
