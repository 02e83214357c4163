/**
 * Append throughput: the event store beside its peers — raw single-row `pg` INSERTs into a table of
 * the same shape, the same rows as group-committed multi-row INSERTs, and the Emmett PostgreSQL
 * event store (PostgreSQL only, in a database of its own) — at 1, 16 and 64 concurrent appenders,
 * on real PostgreSQL and on embedded PGlite.
 * Each appender appends one event at a time to its own stream, with the exact expected version.
 * Every level is bounded by count and time. Prints a table and rewrites its own section of
 * docs/benchmarks.md. Run: node -r ./tools/register.js bench/append.bench.ts
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import {
  openEmbeddedDatabase,
  PostgresEventStore,
  type EmbeddedDatabase,
  type NewEvent,
} from '@collab/event-store';
import { freshDatabase } from '@collab/testing';
import { emmettAppender, multiRowInserter, type AppendOnce } from './append/peers';

const LEVELS = [1, 16, 64] as const;
const BUDGET = {
  maxEvents: Number(process.env['BENCH_MAX_EVENTS'] ?? 100_000),
  maxMs: Number(process.env['BENCH_MAX_MS'] ?? 5_000),
};
const WARM_UP = { maxEvents: 300, maxMs: 1_000 };
/** PostgreSQL allows 100 connections and other work shares them: raw inserts get at most this many. */
const RAW_MAX_CONNECTIONS = 48;
/** The event store's pool (and the multi-row peer's): batching, not connections, is what it scales with. */
const STORE_CONNECTIONS = 4;
const DOC = path.join(__dirname, '..', 'docs', 'benchmarks.md');
const START = '<!-- append-bench:start -->';
const END = '<!-- append-bench:end -->';

interface Target {
  readonly engine: 'PostgreSQL' | 'PGlite';
  readonly kind: 'event store' | 'raw INSERT' | 'multi-row INSERT' | 'Emmett';
  /** Fresh streams for every run, so each run's versions start at 0. */
  prepare(run: string): AppendOnce;
}

interface Measurement {
  readonly engine: string;
  readonly kind: string;
  readonly level: number;
  readonly events: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

const payload = () => ({
  channel: 'APP',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  subject: '账单金额错误 / laskussa virhe',
  region: 'GD-SZ',
  priority: 2,
});
const metadata = { correlationId: randomUUID(), actor: { id: 'bench', kind: 'system' as const } };
const anEvent = (): NewEvent => ({ id: randomUUID(), type: 'ContactReceived', data: payload(), metadata });

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** `level` appenders in parallel until the shared count or the deadline runs out. */
const drive = async (level: number, appendOnce: AppendOnce, budget: typeof BUDGET) => {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + budget.maxMs;
  let issued = 0;
  const appender = async (index: number): Promise<void> => {
    for (let version = 0; issued < budget.maxEvents && performance.now() < deadline; version += 1) {
      issued += 1;
      const before = performance.now();
      await appendOnce(index, version);
      latencies.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: level }, (_, index) => appender(index)));
  const seconds = (performance.now() - started) / 1000;
  return { events: latencies.length, seconds, latencies: latencies.sort((a, b) => a - b) };
};

const measure = async (target: Target, level: number): Promise<Measurement> => {
  await drive(level, target.prepare(`warm-${randomUUID()}`), WARM_UP);
  const { events, seconds, latencies } = await drive(level, target.prepare(randomUUID()), BUDGET);
  return {
    engine: target.engine,
    kind: target.kind,
    level,
    events,
    seconds,
    perSecond: events / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
};

const storeTarget = (engine: Target['engine'], store: PostgresEventStore): Target => ({
  engine,
  kind: 'event store',
  prepare: (run) => (appender, version) =>
    store.append(`bench-${run}-${appender}`, [anEvent()], version).then(() => undefined),
});

const rawTableSql = (schema: string) => `
  CREATE SCHEMA ${schema};
  CREATE TABLE ${schema}.events (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream_id text NOT NULL, stream_version integer NOT NULL, event_id uuid NOT NULL UNIQUE,
    type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, stream_version));`;

const rawTarget = (engine: Target['engine'], pool: Pool, schema: string): Target => ({
  engine,
  kind: 'raw INSERT',
  prepare: (run) => async (appender, version) => {
    const event = anEvent();
    await pool.query(
      `INSERT INTO ${schema}.events (stream_id, stream_version, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        `bench-${run}-${appender}`,
        version + 1,
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      ],
    );
  },
});

/** Group commit with the event store's own pool size, so the two differ only in what a statement does. */
const multiRowTarget = (engine: Target['engine'], pool: Pool, schema: string, inFlight: number): Target => {
  const insert = multiRowInserter(pool, schema, inFlight);
  return { engine, kind: 'multi-row INSERT', prepare: (run) => (appender, version) => insert(`bench-${run}-${appender}`, version, anEvent()) };
};

interface Engine {
  readonly targets: readonly Target[];
  close(): Promise<void>;
}

const postgres = async (): Promise<Engine> => {
  const suffix = randomBytes(4).toString('hex');
  const [storeSchema, rawSchema, multiSchema] = [`bench_es_${suffix}`, `bench_raw_${suffix}`, `bench_multi_${suffix}`];
  const config = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
  const storePool = new Pool({ ...config, max: STORE_CONNECTIONS });
  const rawPool = new Pool({ ...config, max: RAW_MAX_CONNECTIONS });
  const multiPool = new Pool({ ...config, max: STORE_CONNECTIONS });
  const store = new PostgresEventStore({ pool: storePool, schema: storeSchema });
  await store.ensureSchema();
  await rawPool.query(rawTableSql(rawSchema) + rawTableSql(multiSchema));
  // Emmett keeps its tables in the public schema: a database of its own keeps them apart.
  const emmettDatabase = await freshDatabase('collab_bench_emmett');
  const emmett = emmettAppender(emmettDatabase.url);
  const emmettTarget: Target = { engine: 'PostgreSQL', kind: 'Emmett', prepare: (run) => (appender, version) => emmett.append(`bench-${run}-${appender}`, version, anEvent()) };
  return {
    targets: [rawTarget('PostgreSQL', rawPool, rawSchema), multiRowTarget('PostgreSQL', multiPool, multiSchema, STORE_CONNECTIONS), storeTarget('PostgreSQL', store), emmettTarget],
    close: async () => {
      await store.close();
      await emmett.close();
      await rawPool.query(`DROP SCHEMA ${storeSchema} CASCADE; DROP SCHEMA ${rawSchema} CASCADE; DROP SCHEMA ${multiSchema} CASCADE`);
      await Promise.all([storePool.end(), rawPool.end(), multiPool.end()]);
      await emmettDatabase.drop();
    },
  };
};

const pglite = async (): Promise<Engine> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'collab-bench-'));
  const database: EmbeddedDatabase = await openEmbeddedDatabase({ dataDir });
  const store = new PostgresEventStore({ pool: database.pool, schema: 'intake' });
  await store.ensureSchema();
  await database.pool.query(rawTableSql('bench_raw') + rawTableSql('bench_multi'));
  return {
    targets: [rawTarget('PGlite', database.pool, 'bench_raw'), multiRowTarget('PGlite', database.pool, 'bench_multi', 1), storeTarget('PGlite', store)],
    close: async () => {
      await store.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

const runEngine = async (open: () => Promise<Engine>): Promise<Measurement[]> => {
  const engine = await open();
  const results: Measurement[] = [];
  try {
    for (const level of LEVELS)
      for (const target of engine.targets) {
        results.push(await measure(target, level));
        report(results[results.length - 1]!);
      }
  } finally {
    await engine.close();
  }
  return results;
};

const ratioTo = (results: readonly Measurement[], row: Measurement): string => {
  const raw = results.find(
    (x) => x.engine === row.engine && x.level === row.level && x.kind === 'raw INSERT',
  );
  return raw ? (row.perSecond / raw.perSecond).toFixed(2) : '–';
};

const cells = (results: readonly Measurement[], row: Measurement): string[] => [
  row.engine,
  row.kind,
  String(row.level),
  String(row.events),
  Math.round(row.perSecond).toLocaleString('en-US'),
  `${ratioTo(results, row)}×`,
  row.p50.toFixed(2),
  row.p99.toFixed(2),
];

const HEADER = ['engine', 'writer', 'appenders', 'events', 'events/s', 'vs raw', 'p50 ms', 'p99 ms'];

const report = (row: Measurement): void =>
  console.log(
    `${row.engine.padEnd(10)} ${row.kind.padEnd(11)} ×${String(row.level).padStart(2)}: ${Math.round(row.perSecond)} events/s`,
  );

const markdown = (results: readonly Measurement[], load: string): string => {
  const rows = results.map((row) => `| ${cells(results, row).join(' | ')} |`);
  return [
    START,
    '## Event store append throughput (`bench/append.bench.ts`)',
    '',
    `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${cpus().length} cores (load average ${load} at start; other`,
    `work shares the machine, so compare rows of one run), Node ${process.version}. Each appender appends`,
    'one event at a time to its own stream with the exact expected version; raw INSERT writes the same row shape',
    `with single-row autocommit INSERTs (at most ${RAW_MAX_CONNECTIONS} connections on PostgreSQL; PGlite has one); multi-row INSERT`,
    `group-commits the appends that wait into one \`INSERT … SELECT FROM unnest\` (${STORE_CONNECTIONS} connections, as the event store; no version`,
    'check); Emmett is @event-driven-io/emmett-postgresql appending with the exact expected version (its default pool; PostgreSQL',
    'only, in a database of its own). Each cell is',
    `bounded by ${BUDGET.maxEvents.toLocaleString('en-US')} events or ${BUDGET.maxMs / 1000} s after a short warm-up. "vs raw" = event store ÷ raw at the same`,
    'concurrency on the same engine (DESIGN.md §6 target: within 2×, i.e. ≥ 0.5×). Latency is per append call.',
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...rows,
    END,
  ].join('\n');
};

const writeDoc = async (section: string): Promise<void> => {
  const existing = await readFile(DOC, 'utf8').catch(() => '# Benchmarks\n');
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${existing.slice(0, start)}${section}${existing.slice(end + END.length)}`
      : `${existing.trimEnd()}\n\n${section}\n`;
  await writeFile(DOC, next);
};

const main = async (): Promise<void> => {
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  const results = [...(await runEngine(postgres)), ...(await runEngine(pglite))];
  console.log('');
  console.table(
    results.map((row) => Object.fromEntries(HEADER.map((name, index) => [name, cells(results, row)[index]]))),
  );
  await writeDoc(markdown(results, load));
  console.log(`wrote ${path.relative(process.cwd(), DOC)}`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
