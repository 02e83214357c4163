/**
 * What one contact costs the database: intake alone in the distributed mode (PostgreSQL, its Kafka
 * relay running), started in this process with createServiceApp, takes N contacts one after another
 * through POST /api/v1/contacts, and PostgreSQL's own statistics (pg_stat_database,
 * pg_stat_user_tables) are read before and after, with the idle followers' polling over the same
 * span taken off. Repeated with 1,000 and 10,000 cases already in history, so a cost that grows
 * with history shows. History is written straight through the store while intake is stopped, and
 * the followers' checkpoints (projections, relay) are then moved to the head: their read models
 * miss the synthetic history, but their catch-up (minutes for the case-record projection) does
 * not pollute the measurement. Also counts the event-store calls per contact (the contact path's
 * round trips; `readAll` is the log followers').
 *
 * Run: node -r ./tools/register.js bench/contact-cost.bench.ts
 *   KAFKA_BROKERS=host:port   a running broker (else the repo's own is started on free ports)
 *   BENCH_HISTORY=1000,10000  history sizes;  BENCH_CONTACTS=300  contacts per measured window
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '@collab/event-store';
import { IntakeModule } from '@collab/intake';
import { HostedServices, createServiceApp, issueDevToken, loadPlatformConfig } from '@collab/service-kit';
import { freePort, freshDatabase } from '@collab/testing';
import { DatabaseStats, perOperation, ratesBetween, type Counters } from './contact-cost/db-stats';
import { historyRequester, seedHistory } from './contact-cost/history';
import { StoreCallCounter } from './contact-cost/store-calls';

const run = promisify(execFile);
const SIZES = (process.env['BENCH_HISTORY'] ?? '1000,10000').split(',').map(Number);
const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 300);
/** PostgreSQL 15 flushes an idle backend's counters after 10 s; the pool closes idle clients after 10 s. */
const SETTLE_MS = 12_000;
const IDLE_MS = 15_000;
const SECRET = randomBytes(24).toString('hex');
const KAFKA_SCRIPT = path.join(__dirname, '..', 'scripts', 'kafka.sh');

type Mix = 'new customer + Idempotency-Key' | 'new customer, no key' | 'returning customer (joins)';
const MIXES: readonly Mix[] = ['new customer + Idempotency-Key', 'new customer + Idempotency-Key', 'new customer, no key', 'returning customer (joins)'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Teardown {
  private readonly steps: (() => Promise<unknown>)[] = [];
  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.reverse()) await step().catch((error: unknown) => console.error('teardown:', error));
  }
}

const privateKafka = async (teardown: Teardown): Promise<string> => {
  const home = await mkdtemp(path.join(tmpdir(), 'collab-cost-kafka-'));
  teardown.add(() => rm(home, { recursive: true, force: true }));
  const [port, controllerPort] = [await freePort(), await freePort()];
  const env = { ...process.env, KAFKA_HOME_DIR: home, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort) };
  teardown.add(() => run('bash', [KAFKA_SCRIPT, 'stop'], { env, timeout: 60_000 }));
  await run('bash', [KAFKA_SCRIPT, 'start'], { env, timeout: 300_000 });
  return `127.0.0.1:${port}`;
};

const startIntake = async (databaseUrl: string, brokers: string): Promise<{ app: INestApplication; baseUrl: string }> => {
  const config = loadPlatformConfig({
    SERVICE: 'intake', DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers, AUTH_JWT_SECRET: SECRET,
    GRPC_PORT: String(await freePort()), LOG_LEVEL: 'warn',
  });
  const app = await createServiceApp(config, [IntakeModule]);
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
};

/**
 * Waits until every follower that keeps a checkpoint in intake's schema has reached the head of the
 * log (at most five minutes: the case-record projection applies a seeded history one event at a time).
 */
const caughtUp = async (admin: Client): Promise<void> => {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ head: string; low: string | null }>(
      'select (select coalesce(max(position), 0) from intake.events) as head, (select min(position) from intake.checkpoints) as low',
    );
    const row = rows[0];
    if (row && row.low !== null && BigInt(row.low) >= BigInt(row.head)) return;
    await sleep(200);
  }
  console.warn('followers did not reach the head within five minutes; measuring anyway');
};

interface Row {
  readonly history: number;
  readonly mix: Mix;
  readonly perSecond: number;
  readonly cost: Record<string, number>;
  readonly calls: Record<string, number>;
}

interface Bench {
  readonly baseUrl: string;
  readonly token: string;
  readonly stats: DatabaseStats;
  readonly admin: Client;
  readonly calls: StoreCallCounter;
}

let returning = 0;
let sequence = 0;

const contactFor = (mix: Mix): { body: string; headers: Record<string, string> } => {
  sequence += 1;
  const requester = mix === 'returning customer (joins)' ? historyRequester(returning++) : `cost-${sequence}-${randomUUID().slice(0, 8)}`;
  const body = JSON.stringify({
    channel: 'app', audience: 'EXTERNAL', requester: { id: requester }, requestType: 'COMPLAINT', category: 'billing/wrong-charge',
    subject: '账单金额不对', description: '本月账单多扣了 30 元，请核实。', region: 'GD-SZ',
  });
  return { body, headers: mix === 'new customer + Idempotency-Key' ? { 'idempotency-key': randomUUID() } : {} };
};

const submit = async (bench: Bench, mix: Mix): Promise<void> => {
  const { body, headers } = contactFor(mix);
  const response = await fetch(`${bench.baseUrl}/api/v1/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bench.token}`, ...headers },
    body,
  });
  if (response.status !== 201) throw new Error(`POST /api/v1/contacts answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
};

const settled = async (bench: Bench): Promise<Counters> => {
  await caughtUp(bench.admin);
  await sleep(SETTLE_MS);
  return bench.stats.read();
};

const measureMix = async (bench: Bench, mix: Mix, context: { history: number; idle: Record<string, number> }): Promise<Row> => {
  const from = await bench.stats.read();
  const callsBefore = bench.calls.snapshot();
  const started = Date.now();
  for (let index = 0; index < CONTACTS; index += 1) await submit(bench, mix);
  const seconds = (Date.now() - started) / 1000;
  const callsAfter = bench.calls.snapshot();
  const to = await settled(bench);
  const row: Row = {
    history: context.history,
    mix,
    perSecond: CONTACTS / seconds,
    cost: perOperation({ from, to }, context.idle, CONTACTS),
    calls: StoreCallCounter.perOperation(callsBefore, callsAfter, CONTACTS),
  };
  report(row);
  return row;
};

const fixed = (value: number | undefined, digits = 1): string => (value ?? 0).toFixed(digits);

const report = (row: Row): void => {
  const { cost, calls } = row;
  const written = (cost['tup_inserted'] ?? 0) + (cost['tup_updated'] ?? 0) + (cost['tup_deleted'] ?? 0);
  const callText = Object.entries(calls).map(([name, count]) => `${name} ${fixed(count, 2)}`).join(', ');
  console.log(
    `history ${row.history}, ${row.mix}: ${fixed(row.perSecond)} contacts/s sequential; per contact ` +
      `${fixed(cost['xact_commit'])} commits (${fixed(cost['xact_rollback'], 2)} rollbacks), rows read ${fixed(cost['tup_returned'])} returned / ${fixed(cost['tup_fetched'])} fetched, ` +
      `rows written ${fixed(written)} (${fixed(cost['tup_inserted'])} ins, ${fixed(cost['tup_updated'])} upd); tables: seq_scan ${fixed(cost['seq_scan'], 2)}, ` +
      `seq_tup_read ${fixed(cost['seq_tup_read'])}, idx_tup_fetch ${fixed(cost['idx_tup_fetch'])}; store calls: ${callText}`,
  );
};

const measureHistory = async (bench: Bench, history: number): Promise<Row[]> => {
  const idleFrom = await settled(bench);
  await sleep(IDLE_MS);
  const idle = ratesBetween(idleFrom, await bench.stats.read());
  console.log(`history ${history}: idle ${fixed(idle['xact_commit'])} commits/s, ${fixed(idle['tup_returned'])} rows returned/s (taken off below)`);
  const rows: Row[] = [];
  for (const mix of MIXES) rows.push(await measureMix(bench, mix, { history, idle }));
  return rows;
};

/** Intake started on the database, measured, and stopped again: a fresh process for each history size. */
const withIntake = async <T>(databaseUrl: string, brokers: string, work: (app: INestApplication, baseUrl: string) => Promise<T>): Promise<T> => {
  const { app, baseUrl } = await startIntake(databaseUrl, brokers);
  try {
    return await work(app, baseUrl);
  } finally {
    await app.close();
  }
};

/** Seeds history with intake stopped, then moves every follower's checkpoint to the head. */
const growHistory = async (databaseUrl: string, admin: Client, from: number, to: number): Promise<void> => {
  const pool = new Pool({ connectionString: databaseUrl, max: 8 });
  const store = new PostgresEventStore({ pool, schema: 'intake' });
  try {
    const started = Date.now();
    await seedHistory(store, from, to - from, new Date());
    await store.close();
    await admin.query('update intake.checkpoints set position = (select max(position) from intake.events)');
    console.log(`history: ${to} cases (seeded in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await pool.end();
  }
};

const main = async (): Promise<void> => {
  const teardown = new Teardown();
  const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
  try {
    const brokers = process.env['KAFKA_BROKERS'] ?? (await privateKafka(teardown));
    const database = await freshDatabase('collab_cost');
    teardown.add(() => database.drop());
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    teardown.add(() => admin.end());
    const stats = await DatabaseStats.connect(database.url);
    teardown.add(() => stats.close());
    const token = await issueDevToken(SECRET, { sub: 'bench-agent', roles: ['agent'], audience: 'INTERNAL' }, '2h');
    // A first start creates intake's schema, seeds its defaults and gives every follower its checkpoint.
    await withIntake(database.url, brokers, () => caughtUp(admin));
    let history = 0;
    for (const size of SIZES) {
      await growHistory(database.url, admin, history, size);
      history = size;
      await withIntake(database.url, brokers, async (app, baseUrl) => {
        const calls = new StoreCallCounter(app.get(HostedServices).get('intake')!.store);
        await measureHistory({ baseUrl, token, stats, admin, calls }, history);
      });
    }
    console.log(`load average at start ${load}, at end ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`);
  } finally {
    await teardown.run();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
