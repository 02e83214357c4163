/**
 * KPI folding throughput on embedded PGlite (or PostgreSQL, BENCH_KPI_ENGINE=postgres, in a fresh
 * database of its own): events/s folded live (consumer → inbox → journal → every built-in KPI),
 * one transaction per event (a batch of one) and in batches sharing a transaction (as the embedded
 * log and, per fetched partition batch, Kafka hand them over), facts/s folded by a backfill of every built-in KPI over the journal, and
 * beside them a raw SELECT of the same journal rows (goal: backfill ≥ 0.5× the raw read). Then the
 * scorecard query's p50/p95 for one unit and one month with 100 units × 12 months of observations
 * of every built-in KPI.
 *
 * BENCH_KPI_CASES synthetic cases (about 12 events each, every fact kind: synthetic-load.ts) are
 * folded live: the first BENCH_KPI_SINGLE events (default 300) one per transaction, the rest in
 * batches of BENCH_KPI_BATCH (default 500, the log reader's batch) until BENCH_KPI_LIVE_SECONDS
 * (default 1,200) have passed. BENCH_KPI_EVENTS (default: those fed) grows the journal to that many
 * events by copies of the fed cases under new ids. The backfill stops after BENCH_KPI_BACKFILL_SECONDS
 * (default 1,200) and counts what it folded by then. Bounded as well by BENCH_KPI_PER_MONTH
 * observations per unit, KPI and month, and BENCH_KPI_SCORECARDS calls or 30 s. Rewrites its
 * engine's section of docs/benchmarks.md. Run: npm run bench:kpi
 */
import { cpus } from 'node:os';
import type { CollabEvent } from '@collab/contracts';
import { BUILT_IN_KPIS } from '@collab/kpi-domain';
import { KpiScorecards, KpiTestBed, backfill, syntheticCases } from '@collab/kpi';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { averageLoad, count, log, writeBenchSection } from './kit/bench-kit';

const ENGINE = process.env['BENCH_KPI_ENGINE'] === 'postgres' ? 'postgres' : 'pglite';
const ENGINE_NAME = ENGINE === 'postgres' ? 'PostgreSQL' : 'PGlite';
const CASES = Number(process.env['BENCH_KPI_CASES'] ?? 1_000);
const SINGLE = Number(process.env['BENCH_KPI_SINGLE'] ?? 300);
const BATCH = Number(process.env['BENCH_KPI_BATCH'] ?? 500);
const LIVE_SECONDS = Number(process.env['BENCH_KPI_LIVE_SECONDS'] ?? 1_200);
const BACKFILL_SECONDS = Number(process.env['BENCH_KPI_BACKFILL_SECONDS'] ?? 1_200);
/**
 * The raw read's rows per SELECT: one SELECT up to the larger, keyset pages beyond (a million rows at
 * once would not fit the embedded database's memory). Both sizes are timed; the faster is the baseline.
 */
const RAW_PAGES = [200_000, 20_000];
const PER_MONTH = Number(process.env['BENCH_KPI_PER_MONTH'] ?? 10);
const SCORECARDS = Number(process.env['BENCH_KPI_SCORECARDS'] ?? 300);
const [UNITS, MONTHS] = [100, 12];
const BOUND_MS = 30_000;

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Every built-in KPI gets PER_MONTH observations per unit and month, December 2025 to November 2026, scoped to their unit. */
const SEED_SQL = `insert into kpi.observation (kpi_id, version, source_key, part, case_id, task_id, at, own, dims, value)
  select d.kpi_id, d.version, concat_ws(':', 'bench', u, m, i, p.part), p.part, null, null,
         timestamptz '2025-12-01T00:00:00Z' + make_interval(months => m, hours => (i * 37) % 600), '{}',
         jsonb_build_object('unit', 'bench-unit-' || lpad(u::text, 3, '0')), (i % 90) + 1
    from kpi.definition d, generate_series(1, ${UNITS}) u, generate_series(0, ${MONTHS - 1}) m, generate_series(1, $1::int) i,
         lateral unnest(case d.specification->'measure'->>'kind' when 'rate' then array['num', 'den'] when 'level' then array['up'] else array['value'] end) as p(part)`;

const journalSize = async (bed: KpiTestBed): Promise<number> =>
  Number(((await bed.database.pool.query('select count(*) as n from kpi.fact')) as { rows: { n: string }[] }).rows[0]?.n ?? 0);

/** Every journalled fact, every column, in journal order. */
const rawRead = async (bed: KpiTestBed, pageSize: number): Promise<void> => {
  let after = '0';
  for (;;) {
    const { rows } = (await bed.database.pool.query(`select * from kpi.fact where seq > $1 order by seq limit ${pageSize}`, [after])) as { rows: { seq: string }[] };
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.seq;
  }
};

/** The first SINGLE events one per transaction, then batches of BATCH until the time bound: how many of each were folded, in how long. */
const foldLive = async (bed: KpiTestBed, events: readonly CollabEvent[]) => {
  const single = events.slice(0, SINGLE);
  const singleSeconds = await timed(() => bed.feed(single));
  const deadline = performance.now() + LIVE_SECONDS * 1000;
  let batched = 0;
  const batchedSeconds = await timed(async () => {
    for (let start = SINGLE; start < events.length && performance.now() < deadline; start += BATCH) {
      const batch = events.slice(start, start + BATCH);
      await bed.feed(batch, { batch: BATCH });
      batched += batch.length;
      if ((start - SINGLE) % (BATCH * 200) === 0) log(`live: ${count(batched)} events batched`);
    }
  });
  return { singleEvents: single.length, singleSeconds, batchedEvents: batched, batchedSeconds };
};

const folding = async (bed: KpiTestBed) => {
  const all = syntheticCases(CASES);
  const live = await foldLive(bed, all);
  const fed = live.singleEvents + live.batchedEvents;
  const events = all.slice(0, fed);
  const EVENTS = Number(process.env['BENCH_KPI_EVENTS'] ?? fed);
  const COPIES = Math.max(1, Math.ceil(EVENTS / fed));
  const fedFacts = await journalSize(bed);
  if (COPIES > 1) log(`growing the journal to ${count(COPIES * events.length)} events (${COPIES} copies of the fed cases)`);
  await bed.replicateJournal(COPIES);
  const facts = await journalSize(bed);
  await bed.database.pool.query('truncate kpi.observation, kpi.duration_end');
  const definitions = BUILT_IN_KPIS.map(({ kpiId, specification }) => ({ kpiId, version: 1, ...specification }));
  log(`backfilling ${definitions.length} KPIs over ${count(facts)} facts`);
  const signal = AbortSignal.timeout(BACKFILL_SECONDS * 1000);
  let folded = 0;
  const backfillSeconds = await timed(async () => {
    for (const definition of definitions) folded += (await backfill(bed.database.pool, definition, { signal })).done;
  });
  log('reading the journal raw');
  const raws: { pageSize: number; seconds: number }[] = [];
  for (const pageSize of RAW_PAGES) raws.push({ pageSize, seconds: await timed(() => rawRead(bed, pageSize)) });
  const rawSeconds = Math.min(...raws.map((raw) => raw.seconds));
  const kinds = Number(((await bed.database.pool.query('select count(distinct kind) as n from kpi.fact')) as { rows: { n: string }[] }).rows[0]?.n ?? 0);
  return { events: events.length * COPIES, copies: COPIES, fedEvents: events.length, fedFacts, kinds, facts, kpis: definitions.length, folded, live, backfillSeconds, rawSeconds, raws };
};

const scorecards = async (bed: KpiTestBed) => {
  const pool = bed.database.pool;
  await pool.query(`insert into kpi.unit (unit_id) select 'bench-unit-' || lpad(u::text, 3, '0') from generate_series(1, ${UNITS}) u on conflict do nothing`);
  await pool.query(SEED_SQL, [PER_MONTH]);
  await pool.query('analyze kpi.observation');
  const observations = Number(((await pool.query('select count(*) as n from kpi.observation')) as { rows: { n: string }[] }).rows[0]?.n ?? 0);
  const reader = new KpiScorecards(bed.database, { now: () => new Date('2026-11-15T00:00:00Z') }, bed.catalogue, bed.values);
  const times: number[] = [];
  const deadline = performance.now() + BOUND_MS;
  let lines = 0;
  for (let call = 0; call < SCORECARDS && performance.now() < deadline; call += 1) {
    const unit = `bench-unit-${String((call * 37) % UNITS + 1).padStart(3, '0')}`;
    const month = new Date(Date.UTC(2025, 11 + ((call * 5) % MONTHS), 1)).toISOString().slice(0, 7);
    const started = performance.now();
    const card = await reader.scorecard({ kind: 'dimension', dimension: 'unit', id: unit }, month);
    times.push(performance.now() - started);
    lines = card.lines.length;
  }
  times.sort((a, b) => a - b);
  return { observations, samples: times.length, lines, p50: percentile(times, 50), p95: percentile(times, 95) };
};

const report = (fold: Awaited<ReturnType<typeof folding>>, card: Awaited<ReturnType<typeof scorecards>>, startLoad: string): string[] => {
  const perSecond = (n: number, seconds: number): string => count(n / seconds);
  const ratio = fold.folded / fold.backfillSeconds / (fold.facts / fold.rawSeconds);
  const stopped = fold.folded < fold.facts * fold.kpis;
  const lines = [
    `## KPI folding, backfill and scorecards on ${ENGINE_NAME} (\`bench/kpi.bench.ts\`)`,
    '',
    `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${cpus().length} cores (load average ${startLoad} at the start, ${averageLoad()} at the end; other`,
    `work shares the machine), Node ${process.version}, ${ENGINE_NAME}${ENGINE === 'postgres' ? ' 15 on the same machine' : ''}. Synthetic cases of about 12 events carrying every fact kind`,
    `(${fold.kinds} kinds in the journal: SLA clocks, a partner leg returned and a department leg, escalations, ping-pongs, reopenings, CSAT,`,
    `self-service answers of which some become cases), ${count(fold.fedEvents)} events (${count(fold.fedFacts)} journalled facts) folded live into every built-in KPI (${fold.kpis}):`,
    `the first ${count(fold.live.singleEvents)} one transaction per event (a batch of one), the rest in batches of ${count(BATCH)} sharing a transaction (as the embedded log, and Kafka per fetched batch, hand them over)${
      fold.copies > 1 ? `; the journal then grown to ${count(fold.events)} events (${count(fold.facts)} facts) by ${fold.copies - 1} copies of those cases under new ids` : ''};`,
    'then the observations are dropped and each KPI is backfilled from the journal (pages of 2,000 facts of the kinds the KPI folds,',
    `the next page read and gathered while one is written, written as multi-row upserts); beside them a raw \`SELECT *\` of the journal${fold.facts > RAW_PAGES[0]! ? ' in keyset pages' : ''},`,
    `the faster of ${fold.raws.map((raw) => `${count(raw.pageSize)} rows per SELECT (${raw.seconds.toFixed(2)} s)`).join(' and ')}.`,
    'Goal: backfill ≥ 0.5× the raw read, counted as facts × KPIs (the journal covered per second).',
    ...(fold.live.batchedSeconds >= LIVE_SECONDS ? [`The batched live fold was stopped after ${LIVE_SECONDS} s: it counts the events folded by then.`] : []),
    'Before the live fold was batch-shaped (one statement per fact and KPI, every event its own transaction), with the old 5-event cases',
    '(no SLA clocks, tasks, feedback or self-service answers; 7 of the 18 KPIs then skipped the journal): 12 events/s live on PGlite (1,000',
    'events, load 7) and 30 on PostgreSQL (5,000 events, load 12–20). Before the duration pairs were read by key, the rescope went',
    'through the case index and the fold ran without JIT: 366 events/s batched on PostgreSQL (220,000 events in 600 s, ~660/s falling to',
    '~290/s as the tables grew); old and new code one after the other at 54,009 events (5,000 cases, load 9–14): 482 → 1,889 events/s',
    'batched, 39 → 54 one per transaction.',
    'Before a backfill read only the kinds a KPI folds and gathered a page ahead, every page carried every fact: 33,740 facts × KPIs/s',
    'against 93,571 raw rows/s (0.36×, PGlite, 1,000 cases, load 3.55); before batching, one statement per fact and KPI: 221 against',
    '9,445 (0.023×). Old and new code one after the other on PGlite, 2026-12-07 at load 12–15 (100 cases copied to 60,000 facts): backfill',
    '11,071 → 24,004 facts × KPIs/s beside raw 17,758 / 20,767 rows/s (0.62× → 1.16×); at 6,000 facts 9,762–12,580 → 39,250–49,418',
    '(the raw read of so few rows varied 28,000–71,000 rows/s). On PostgreSQL at 1,000,000 events with the kind filter and read-ahead',
    'but before gathering ahead: 23,073 facts × KPIs/s (936 s), its raw read 20,788 rows/s (57.7 s; that read varies 3–4× between runs here).',
    ...(stopped ? [`The backfill was stopped after ${BACKFILL_SECONDS} s: the figures count the facts it covered by then.`] : []),
    '',
    '| path | rows | seconds | rows/s |',
    '|---|---|---|---|',
    `| live fold, one transaction per event | ${count(fold.live.singleEvents)} events | ${fold.live.singleSeconds.toFixed(2)} | ${perSecond(fold.live.singleEvents, fold.live.singleSeconds)} |`,
    `| live fold, batches of ${count(BATCH)} | ${count(fold.live.batchedEvents)} events | ${fold.live.batchedSeconds.toFixed(2)} | ${perSecond(fold.live.batchedEvents, fold.live.batchedSeconds)} |`,
    `| backfill (${fold.kpis} KPIs, facts × KPIs) | ${count(fold.folded)} | ${fold.backfillSeconds.toFixed(2)} | ${perSecond(fold.folded, fold.backfillSeconds)} |`,
    `| raw SELECT of the journal | ${count(fold.facts)} | ${fold.rawSeconds.toFixed(2)} | ${perSecond(fold.facts, fold.rawSeconds)} |`,
    '',
    `Backfill ÷ raw read: **${ratio.toFixed(2)}×**.`,
    '',
    `Scorecard (\`KpiScorecards.scorecard\`, one unit and one month, ${card.lines} KPI lines) with ${UNITS} units × ${MONTHS} months × ${PER_MONTH}`,
    `observations per KPI (${count(card.observations)} observations in all), ${card.samples} calls over varying units and months:`,
    `p50 ${card.p50.toFixed(2)} ms, **p95 ${card.p95.toFixed(2)} ms**.`,
    'Before a scorecard read the catalogue and the unit tree once for all its lines: p50 627 / p95 1,435 ms at load average 23 (46 calls).',
    'Before the unit series index (kpi.observation (kpi_id, version, (dims->>\'unit\'), at), migration KpiUnitSeries), when a unit\'s month',
    'read every unit\'s observations of that month: p50 129 / p95 299 ms at load average 18.00 (214 calls, same run settings).',
    'On PostgreSQL 15 (EXPLAIN ANALYZE, one KPI, one unit, one month, 264,000 observations): the month\'s series went from a bitmap scan',
    'of observation_series keeping 10 of 1,000 rows (1.68 ms) to observation_unit_series reading just the 10 (0.21 ms); a level\'s carried-in',
    'backlog from 50 of 5,000 rows (5.27 ms) to 0.14 ms.',
  ];
  return lines;
};

const main = async (): Promise<void> => {
  const database: FreshDatabase | undefined = ENGINE === 'postgres' ? await freshDatabase('collab_bench_kpi') : undefined;
  const bed = await KpiTestBed.open(database === undefined ? {} : { databaseUrl: database.url, queryTimeoutMs: 600_000 });
  const startLoad = averageLoad();
  try {
    log(`${ENGINE_NAME}: folding ${CASES} cases live, then backfilling every built-in KPI`);
    const fold = await folding(bed);
    log(`scorecards over ${UNITS} units × ${MONTHS} months`);
    const card = await scorecards(bed);
    const lines = report(fold, card, startLoad);
    console.log(lines.join('\n'));
    log(`wrote ${await writeBenchSection(ENGINE === 'postgres' ? 'kpi-postgres' : 'kpi', lines)}`);
  } finally {
    await bed.close();
    await database?.drop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
