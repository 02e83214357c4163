/**
 * What one contact costs the database, intake and workflow together: intake in the distributed mode
 * (PostgreSQL, its Kafka relay running), started in this process with createServiceApp, and
 * workflow as its own process on a database of its own (so PostgreSQL's per-database statistics
 * tell the two services apart), consuming intake's events from a Kafka broker of the bench's own.
 * N contacts one after another through POST /api/v1/contacts; pg_stat_database and
 * pg_stat_user_tables of each database are read before and after (once workflow has routed every
 * case and every follower reached its head), with the idle rate over the same span taken off.
 * Repeated with 1,000, 10,000 and 100,000 cases already in both histories, so a cost that grows
 * with history shows. Intake's history is written through its store and workflow's inserted in
 * multi-row statements (cases decided by the real deciders, as the rebuild bench's), both with the
 * services stopped; the followers' checkpoints are then moved to the head (their read models miss
 * the synthetic history, but their catch-up does not pollute the measurement). Also counts
 * intake's event-store calls per contact, and samples which statements each idle service runs.
 * Prints the figures and rewrites its own section of docs/benchmarks.md.
 *
 * Run: npm run bench:contact-cost
 *   KAFKA_BROKERS=host:port          a running broker (else the repo's own is started on free ports)
 *   BENCH_HISTORY=1000,10000,100000  history sizes;  BENCH_CONTACTS=300  contacts per measured window
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '@collab/event-store';
import { IntakeModule } from '@collab/intake';
import { HostedServices, createServiceApp, issueDevToken, loadPlatformConfig } from '@collab/service-kit';
import { freePort, freshDatabase, startServiceProcess, TEST_POSTGRES, UNTHROTTLED, type ServiceProcess } from '@collab/testing';
import { DatabaseStats, perOperation, ratesBetween, type Counters } from './contact-cost/db-stats';
import { seedHistory } from './contact-cost/history';
import { sampleStatements, type StatementRate } from './contact-cost/idle-statements';
import { StoreCallCounter } from './contact-cost/store-calls';
import { averageLoad, privateKafka, Teardown, writeBenchSection } from './kit/bench-kit';
import { insertWorkflowCases } from './rebuild/load-history';

const SIZES = (process.env['BENCH_HISTORY'] ?? '1000,10000,100000').split(',').map(Number);
const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 300);
/** PostgreSQL 15 flushes an idle backend's counters after 10 s; the pool closes idle clients after 10 s. */
const SETTLE_MS = 12_000;
const IDLE_MS = 15_000;
/** The longest the bench waits for workflow to route the contacts and the followers to reach their heads. */
const CATCH_UP_MS = 300_000;
const SECRET = randomBytes(24).toString('hex');

type Mix = 'new customer + Idempotency-Key' | 'new customer, no key';
const MIXES: readonly Mix[] = ['new customer + Idempotency-Key', 'new customer + Idempotency-Key', 'new customer, no key'];
const SERVICES = ['intake', 'workflow'] as const;
type Service = (typeof SERVICES)[number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const startIntake = async (databaseUrl: string, brokers: string): Promise<{ app: INestApplication; baseUrl: string }> => {
  // The bench measures what a contact costs, not the rate limiter: sequential contacts from one client pass its default limit.
  const config = loadPlatformConfig({
    ...UNTHROTTLED,
    SERVICE: 'intake', DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers, AUTH_JWT_SECRET: SECRET,
    GRPC_PORT: String(await freePort()), LOG_LEVEL: 'warn',
  });
  const app = await createServiceApp(config, [IntakeModule]);
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
};

/** Workflow as the distributed mode runs it: its own process, on its own database. */
const startWorkflow = async (databaseUrl: string, brokers: string): Promise<ServiceProcess> =>
  startServiceProcess(
    'workflow',
    { DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers, AUTH_JWT_SECRET: SECRET, GRPC_PORT: String(await freePort()), LOG_LEVEL: 'warn' },
    await freePort(),
  );

/** Index lookups only (the log's head, the checkpoints), so waiting costs the counters next to nothing. */
const followersAtHead = async (admin: Client, schema: Service): Promise<boolean> => {
  const { rows } = await admin.query<{ head: string; low: string | null }>(
    `select (select coalesce(max(position), 0) from ${schema}.events) as head, (select min(position) from ${schema}.checkpoints) as low`,
  );
  const row = rows[0];
  return row !== undefined && row.low !== null && BigInt(row.low) >= BigInt(row.head);
};

/** Per service: the admin connection to its database, its statistics. */
type PerService<T> = Record<Service, T>;

interface Bench {
  readonly baseUrl: string;
  readonly workflowUrl: string;
  readonly token: string;
  readonly stats: PerService<DatabaseStats>;
  readonly admin: PerService<Client>;
  readonly databases: PerService<string>;
  readonly calls: StoreCallCounter;
}

const showsRouted = async (bench: Bench, caseId: string): Promise<boolean> => {
  const response = await fetch(`${bench.workflowUrl}/api/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${bench.token}` } });
  const body = (await response.json().catch(() => ({}))) as { queue?: unknown };
  return response.status === 200 && typeof body.queue === 'string';
};

/**
 * Waits (at most CATCH_UP_MS) until workflow shows the last contact's case routed and every
 * follower of both services has reached its log's head.
 */
const caughtUp = async (bench: Bench, lastCase: string | undefined): Promise<void> => {
  const deadline = Date.now() + CATCH_UP_MS;
  while (Date.now() < deadline) {
    const routed = lastCase === undefined || (await showsRouted(bench, lastCase));
    if (routed && (await followersAtHead(bench.admin.intake, 'intake')) && (await followersAtHead(bench.admin.workflow, 'workflow'))) return;
    await sleep(250);
  }
  console.warn(`not caught up within ${CATCH_UP_MS / 1000} s; measuring anyway`);
};

const readBoth = async (bench: Bench): Promise<PerService<Counters>> => {
  const [intake, workflow] = await Promise.all(SERVICES.map((service) => bench.stats[service].read()));
  return { intake: intake!, workflow: workflow! };
};

/** Caught up, then the counters flushed: what a window ends with. */
const settled = async (bench: Bench, lastCase: string | undefined): Promise<PerService<Counters>> => {
  await caughtUp(bench, lastCase);
  await sleep(SETTLE_MS);
  return readBoth(bench);
};

interface Row {
  readonly history: number;
  readonly mix: Mix;
  readonly perSecond: number;
  readonly cost: PerService<Record<string, number>>;
  readonly calls: Record<string, number>;
}

interface Idle {
  readonly history: number;
  readonly rates: PerService<Record<string, number>>;
  readonly statements: PerService<StatementRate[]>;
}

let sequence = 0;

const contactFor = (mix: Mix): { body: string; headers: Record<string, string> } => {
  sequence += 1;
  const body = JSON.stringify({
    channel: 'app', audience: 'EXTERNAL', requester: { id: `cost-${sequence}-${randomUUID().slice(0, 8)}` }, requestType: 'COMPLAINT',
    category: 'billing/wrong-charge', subject: '账单金额不对', description: '本月账单多扣了 30 元，请核实。', region: 'GD-SZ',
  });
  return { body, headers: mix === 'new customer + Idempotency-Key' ? { 'idempotency-key': randomUUID() } : {} };
};

/** One contact; answers its case. */
const submit = async (bench: Bench, mix: Mix): Promise<string> => {
  const { body, headers } = contactFor(mix);
  const response = await fetch(`${bench.baseUrl}/api/v1/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bench.token}`, ...headers },
    body,
  });
  if (response.status !== 201) throw new Error(`POST /api/v1/contacts answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { caseId: string }).caseId;
};

const measureMix = async (bench: Bench, mix: Mix, context: { history: number; idle: PerService<Record<string, number>> }): Promise<Row> => {
  const from = await readBoth(bench);
  const callsBefore = bench.calls.snapshot();
  const started = Date.now();
  let lastCase: string | undefined;
  for (let index = 0; index < CONTACTS; index += 1) lastCase = await submit(bench, mix);
  const seconds = (Date.now() - started) / 1000;
  const callsAfter = bench.calls.snapshot();
  const to = await settled(bench, lastCase);
  const cost = (service: Service) => perOperation({ from: from[service], to: to[service] }, context.idle[service], CONTACTS);
  const row: Row = {
    history: context.history,
    mix,
    perSecond: CONTACTS / seconds,
    cost: { intake: cost('intake'), workflow: cost('workflow') },
    calls: StoreCallCounter.perOperation(callsBefore, callsAfter, CONTACTS),
  };
  report(row);
  return row;
};

const fixed = (value: number | undefined, digits = 1): string => (value ?? 0).toFixed(digits);
const written = (cost: Record<string, number>): number => (cost['tup_inserted'] ?? 0) + (cost['tup_updated'] ?? 0) + (cost['tup_deleted'] ?? 0);
const both = (row: Row, measure: (cost: Record<string, number>) => number): number => measure(row.cost.intake) + measure(row.cost.workflow);
const commits = (cost: Record<string, number>): number => cost['xact_commit'] ?? 0;
const rowsRead = (cost: Record<string, number>): number => cost['tup_returned'] ?? 0;

const report = (row: Row): void => {
  const callText = Object.entries(row.calls).map(([name, count]) => `${name} ${fixed(count, 2)}`).join(', ');
  const per = (service: Service) => {
    const cost = row.cost[service];
    return `${service}: ${fixed(commits(cost))} commits (${fixed(cost['xact_rollback'], 2)} rollbacks), rows read ${fixed(rowsRead(cost))} returned / ${fixed(cost['tup_fetched'])} fetched, ` +
      `written ${fixed(written(cost))}, seq_scan ${fixed(cost['seq_scan'], 2)}, seq_tup_read ${fixed(cost['seq_tup_read'])}`;
  };
  console.log(`history ${row.history}, ${row.mix}: ${fixed(row.perSecond)} contacts/s sequential; per contact ${per('intake')}; ${per('workflow')}; intake store calls: ${callText}`);
};

const measureIdle = async (bench: Bench, history: number): Promise<Idle> => {
  const from = await settled(bench, undefined);
  const sampling = Promise.all(SERVICES.map((service) => sampleStatements(TEST_POSTGRES, bench.databases[service], IDLE_MS - 1_000)));
  await sleep(IDLE_MS);
  const to = await readBoth(bench);
  const [intake, workflow] = await sampling;
  const idle: Idle = {
    history,
    rates: { intake: ratesBetween(from.intake, to.intake), workflow: ratesBetween(from.workflow, to.workflow) },
    statements: { intake: intake!, workflow: workflow! },
  };
  for (const service of SERVICES) {
    console.log(`history ${history}: ${service} idle ${fixed(idle.rates[service]['xact_commit'])} commits/s, ${fixed(idle.rates[service]['tup_returned'])} rows returned/s; statements seen:`);
    for (const { statement, perSecond } of idle.statements[service].slice(0, 8)) console.log(`  ${fixed(perSecond, 2)}/s  ${statement}`);
  }
  return idle;
};

/** Both services started, measured, and stopped again: fresh processes for each history size. */
const withServices = async <T>(databases: PerService<string>, brokers: string, work: (app: INestApplication, urls: { intake: string; workflow: string }) => Promise<T>): Promise<T> => {
  const workflow = await startWorkflow(databases.workflow, brokers);
  try {
    const { app, baseUrl } = await startIntake(databases.intake, brokers);
    try {
      return await work(app, { intake: baseUrl, workflow: workflow.baseUrl });
    } finally {
      await app.close();
    }
  } finally {
    await workflow.stop();
  }
};

/** Seeds both histories with the services stopped, then moves every follower's checkpoint to its head. */
const growHistory = async (databases: PerService<string>, admin: PerService<Client>, from: number, to: number): Promise<void> => {
  const started = Date.now();
  const pool = new Pool({ connectionString: databases.intake, max: 8 });
  const store = new PostgresEventStore({ pool, schema: 'intake' });
  try {
    await seedHistory(store, from, to - from, new Date());
    await store.close();
  } finally {
    await pool.end();
  }
  const workflowPool = new Pool({ connectionString: databases.workflow, max: 2 });
  try {
    await insertWorkflowCases(workflowPool, from, to - from);
  } finally {
    await workflowPool.end();
  }
  for (const service of SERVICES) {
    await admin[service].query(`update ${service}.checkpoints set position = (select max(position) from ${service}.events)`);
    await admin[service].query(`VACUUM ANALYZE ${service}.events`);
  }
  console.log(`history: ${to} cases in each service (seeded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

const ROW_HEADER = ['history', 'contact', 'commits intake + workflow = both', 'rows read intake + workflow = both', 'rows written intake + workflow = both', 'intake contact path (store calls)', 'contacts/s (sequential)'];

const sum = (row: Row, measure: (cost: Record<string, number>) => number): string =>
  `${fixed(measure(row.cost.intake))} + ${fixed(measure(row.cost.workflow))} = **${fixed(both(row, measure))}**`;

const rowCells = (row: Row): string[] => [
  row.history.toLocaleString('en-US'),
  row.mix.replace('Idempotency-Key', 'key'),
  sum(row, commits),
  sum(row, rowsRead),
  sum(row, written),
  Object.entries(row.calls).filter(([name, count]) => name !== 'readAll' && count > 0.005).map(([name, count]) => `${fixed(count, 2)} ${name}`).join(', '),
  fixed(row.perSecond),
];

const idleCells = (idle: Idle): string[] => [
  idle.history.toLocaleString('en-US'),
  ...SERVICES.flatMap((service) => [
    fixed(idle.rates[service]['xact_commit']),
    idle.statements[service].slice(0, 3).map(({ statement, perSecond }) => `${fixed(perSecond, 1)}/s \`${statement.slice(0, 70).replace(/\|/g, '\\|')}\``).join('; '),
  ]),
];

const markdown = (load: { start: string; end: string }, rows: readonly Row[], idles: readonly Idle[]): string[] => [
  '## What one contact costs the database, intake and workflow (`bench/contact-cost.bench.ts`)',
  '',
  `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${cpus().length} cores (load average ${load.start} at start, ${load.end} at the end; the`,
  `counts do not depend on the machine's noise, the contacts/s do), PostgreSQL 15, Node ${process.version}. Intake in the distributed mode`,
  '(PostgreSQL, its Kafka relay and projections) in the bench process; workflow as its own process on a database of its own',
  "(so each database's statistics are one service's), consuming intake's events from a private Kafka broker, routing each case and",
  `projecting it. ${CONTACTS} contacts one after another through \`POST /api/v1/contacts\` per row, each from a requester never seen before`,
  '(a new customer, a new case, routed by workflow to its queue). Before each size, history is grown in both services with them',
  "stopped — intake's through its store, workflow's as multi-row inserts of cases decided by the real deciders (registered, routed,",
  'worked, helped, resolved, closed: ~9.5 events each) — and every checkpoint moved to the head. A window ends once workflow shows',
  `the last case routed, every follower is at its head and ${SETTLE_MS / 1000} s have passed (PostgreSQL flushes counters lazily). Per contact, with`,
  'the idle rate over the same span taken off: commits = `xact_commit` (every autocommit statement is one); rows read =',
  '`tup_returned`; rows written = `tup_inserted + tup_updated + tup_deleted`. Goals (issue 10): ≤ 8 commits and ≤ 100 rows read per',
  'contact for both services together, the same at every history size; ≤ 5 commits/s per service idle.',
  '',
  `| ${ROW_HEADER.join(' | ')} |`,
  `|${ROW_HEADER.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${rowCells(row).join(' | ')} |`),
  '',
  `Idle, each service alone on its database, over ${IDLE_MS / 1000} s with nothing submitted; the statements its connections ran most often`,
  '(sampled from `pg_stat_activity` every few ms, so a lower bound; pg_stat_statements is not loaded on this server):',
  '',
  '| history | intake commits/s | intake statements | workflow commits/s | workflow statements |',
  '|---|---|---|---|---|',
  ...idles.map((idle) => `| ${idleCells(idle).join(' | ')} |`),
];

const main = async (): Promise<void> => {
  const teardown = new Teardown();
  const start = averageLoad();
  try {
    const brokers = process.env['KAFKA_BROKERS'] ?? (await privateKafka(teardown));
    const databases = {} as PerService<string>;
    const admin = {} as PerService<Client>;
    const stats = {} as PerService<DatabaseStats>;
    for (const service of SERVICES) {
      const database = await freshDatabase(`collab_cost_${service}`);
      teardown.add(() => database.drop());
      databases[service] = database.url;
      admin[service] = new Client({ connectionString: database.url });
      await admin[service].connect();
      teardown.add(() => admin[service].end());
      stats[service] = await DatabaseStats.connect(database.url);
      teardown.add(() => stats[service].close());
    }
    const token = await issueDevToken(SECRET, { sub: 'bench-agent', roles: ['agent'], audience: 'INTERNAL' }, '2h');
    const names = Object.fromEntries(SERVICES.map((service) => [service, new URL(databases[service]).pathname.slice(1)])) as PerService<string>;
    // A first start creates the schemas, seeds the defaults (workflow's directory) and gives every follower its checkpoint.
    await withServices(databases, brokers, async (app, urls) => {
      const bench: Bench = { baseUrl: urls.intake, workflowUrl: urls.workflow, token, stats, admin, databases: names, calls: new StoreCallCounter(app.get(HostedServices).get('intake')!.store) };
      await caughtUp(bench, await submit(bench, 'new customer, no key'));
    });
    const rows: Row[] = [];
    const idles: Idle[] = [];
    let history = 0;
    for (const size of SIZES) {
      await growHistory(databases, admin, history, size);
      history = size;
      await withServices(databases, brokers, async (app, urls) => {
        const bench: Bench = { baseUrl: urls.intake, workflowUrl: urls.workflow, token, stats, admin, databases: names, calls: new StoreCallCounter(app.get(HostedServices).get('intake')!.store) };
        const idle = await measureIdle(bench, history);
        idles.push(idle);
        for (const mix of MIXES) rows.push(await measureMix(bench, mix, { history, idle: idle.rates }));
      });
    }
    console.log(`wrote ${await writeBenchSection('contact-cost', markdown({ start, end: averageLoad() }, rows, idles))}`);
  } finally {
    await teardown.run();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
