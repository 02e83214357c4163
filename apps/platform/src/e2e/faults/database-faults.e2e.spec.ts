import { Client } from 'pg';
import {
  eventually,
  freePort,
  freshDatabase,
  startServiceProcess,
  startTcpProxy,
  TEST_POSTGRES,
  throughProxy,
  type FreshDatabase,
  type ServiceProcess,
  type TcpProxy,
  ownTopicPrefix,
} from '@collab/testing';
import { tokenFor } from '../first-slice.scenario';
import { boundForLoad, CI_FAULT_CONTACTS, settlesWithin, startContactLoad, unroutedCases, type ContactLoad } from './fault-load';

const jwtSecret = 'database-faults-e2e-secret-0123-abcdef';
const kafkaBrokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
// The issue asks for 2,000; on this 2-core machine (shared, load average 10-16 while measured)
// workflow routed 4-20 cases/s, so 400 is what fits the spec's time (DATABASE_FAULTS_CONTACTS=2000 to try more).
const CONTACTS = Number(process.env['DATABASE_FAULTS_CONTACTS'] ?? CI_FAULT_CONTACTS);
const forLoad = boundForLoad(CONTACTS);
const CLIENTS = 16;
/** Contacts acknowledged before the outage starts; the connection kills run until then. */
const BEFORE_OUTAGE = CONTACTS / 2;
const KILL_EVERY_MS = 2_000;
const OUTAGE_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const startedAt = Date.now();
/** A line on the runner's output as the test goes, so a failure shows how far it got. */
const note = (what: string, facts: Record<string, unknown> = {}) =>
  process.stdout.write(`database faults +${((Date.now() - startedAt) / 1000).toFixed(1)}s ${what} ${JSON.stringify(facts)}\n`);

/** Fails with the service's own last words if it is no longer running (no restart is allowed). */
const stillRunning = (services: readonly ServiceProcess[]): void => {
  for (const service of services) {
    const exit = service.exit();
    if (exit) throw new Error(`pid ${service.pid} exited with ${exit.code ?? exit.signal}:\n${service.output().slice(-4_000)}`);
  }
};

/**
 * The database goes away under load (issue 10): intake and workflow, each its own process, reach
 * PostgreSQL through a proxy the test owns. While the contacts come in, every one of their
 * connections is terminated every 2 s until half are acknowledged; then, for 30 s, the network goes
 * silent: open connections carry nothing more and new ones hang. The services must answer 503 + Retry-After meanwhile, and afterwards have
 * lost nothing acknowledged, dead-lettered nothing, routed every case, and be ready again — all
 * without a restart.
 */
describe(`database faults during ${CONTACTS} contacts (intake and workflow as processes, PostgreSQL through a proxy)`, () => {
  let database: FreshDatabase;
  let proxy: TcpProxy;
  let admin: Client;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    database = await freshDatabase('collab_dbfaults');
    const postgres = new URL(TEST_POSTGRES);
    proxy = await startTcpProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
    // The test's own session goes straight to PostgreSQL: it must outlive the faults it makes.
    admin = new Client({ connectionString: database.url });
    admin.on('error', () => undefined);
    await admin.connect();
    // A query on a connection the silent cut leaves quiet fails only at DATABASE_QUERY_TIMEOUT_MS. At the
    // default 30 s a contact in flight at the cut outlived the load client's 15 s (one CI run, 2026-12-07):
    // the auth guard's role-grant look-up ran before the request deadline's interceptor and outside it. The
    // guard is now held to the same deadline (HTTP_REQUEST_TIMEOUT_MS); the shorter query bound stays, so
    // the services' own retries come back within the outage.
    const env = {
      DATABASE_URL: throughProxy(database.url, proxy),
      DATABASE_QUERY_TIMEOUT_MS: '5000',
      KAFKA_BROKERS: kafkaBrokers,
      AUTH_JWT_SECRET: jwtSecret,
      KAFKA_PARTITIONS: '3',
      KAFKA_TOPIC_PREFIX: ownTopicPrefix('dbfaults'),
    };
    for (const service of ['intake', 'workflow']) {
      services.push(await startServiceProcess(service, { ...env, GRPC_PORT: String(await freePort()) }, await freePort()));
    }
    note('services started');
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await admin?.end().catch(() => undefined);
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 + Retry-After while it is away, then loses and dead-letters nothing, routes every case and is ready again by itself', async () => {
    const [intake, workflow] = services as [ServiceProcess, ServiceProcess];
    const load = startContactLoad({ intake: intake.baseUrl, jwtSecret, contacts: CONTACTS, clients: CLIENTS, run: 'dbf' });
    try {
      await faultsThenChecks(workflow, load);
    } finally {
      load.abort();
    }
  }, forLoad(240_000));

  const faultsThenChecks = async (workflow: ServiceProcess, load: ContactLoad): Promise<void> => {
    const failed = load.done.then(() => 'done' as const);
    note('load started');
    // How far routing is, every 5 s, straight from workflow's log (the test's own session).
    const progress = setInterval(() => {
      admin
        .query<{ assigned: number }>(`select count(*)::int as assigned from workflow.events where type = 'CaseQueued'`)
        .then(({ rows }) => note('progress', { acknowledged: load.acknowledged.size, routed: rows[0]!.assigned }))
        .catch(() => undefined);
    }, 5_000);
    try {
      await runFaults(workflow, load, failed);
    } finally {
      clearInterval(progress);
    }
  };

  const runFaults = async (workflow: ServiceProcess, load: ContactLoad, failed: Promise<'done'>): Promise<void> => {

    // 1. Every service connection terminated every 2 s, until half the contacts are in.
    let terminated = 0;
    let rounds = 0;
    const killStartedAt = Date.now();
    while (load.acknowledged.size < BEFORE_OUTAGE && Date.now() - killStartedAt < forLoad(40_000)) {
      const { rows } = await admin.query<{ n: number }>(
        `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend') killed`,
      );
      terminated += rows[0]!.n;
      rounds += 1;
      await settlesWithin(failed, KILL_EVERY_MS);
    }
    const acknowledgedBeforeOutage = load.acknowledged.size;
    note('connection kills done', { terminated, rounds, acknowledged: acknowledgedBeforeOutage, refusals: load.refusals.unavailable, other: load.refusals.other.slice(0, 3) });
    stillRunning(services);

    // 2. A 30 s outage: a route that went away. Open connections go quiet mid-query (nothing is
    //    reset, nothing tells the services) and new ones are left hanging.
    const agent = await tokenFor(jwtSecret, 'agent-1', 'INTERNAL', ['agent']);
    const someCase = load.acknowledged.values().next().value as string;
    proxy.cut('silence');
    const outageStartedAt = Date.now();
    const readDuringOutage = await eventually(
      async () => {
        const response = await fetch(`${workflow.baseUrl}/api/v1/cases/${someCase}`, { headers: { authorization: `Bearer ${agent}` }, signal: AbortSignal.timeout(15_000) });
        const answer = { status: response.status, retryAfter: response.headers.get('retry-after'), type: response.headers.get('content-type'), body: await response.text() };
        // Reads may still come from a connection the pool had not yet found broken; wait for the refusal.
        if (answer.status === 200) throw new Error('still answered from before the cut');
        return answer;
      },
      { timeoutMs: 20_000, intervalMs: 500 },
    );
    note('read during the outage', { status: readDuringOutage.status, retryAfter: readDuringOutage.retryAfter });
    const readyDuringOutage = await Promise.all(services.map(async (service) => (await fetch(`${service.baseUrl}/ready`, { signal: AbortSignal.timeout(15_000) })).status));
    const unavailableBefore = load.refusals.unavailable;
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - outageStartedAt)));
    const unavailableDuringOutage = load.refusals.unavailable - unavailableBefore;
    stillRunning(services);
    proxy.restore();
    const restoredAt = Date.now();
    note('proxy restored', { readyDuringOutage, acknowledged: load.acknowledged.size, refusals: load.refusals.unavailable, other: load.refusals.other.length });

    // 3. The rest of the contacts, and every case routed, with nobody restarting anything.
    const finished = await settlesWithin(load.done, forLoad(45_000));
    load.abort();
    const contactsDoneIn = Date.now() - restoredAt;
    note('contacts done', { finished, acknowledged: load.acknowledged.size, other: load.refusals.other.slice(0, 3) });
    stillRunning(services);
    const caseIds = [...load.acknowledged.values()];
    const unrouted = await unroutedCases(workflow.baseUrl, jwtSecret, caseIds, forLoad(90_000));
    const routedIn = Date.now() - restoredAt;
    note('routing checked', { unrouted: unrouted.length });
    if (unrouted.length > 0) {
      for (const service of services)
        note(`${service.baseUrl} /ready`, { body: await (await fetch(`${service.baseUrl}/ready`)).json(), output: service.output().slice(-3_000) });
    }
    const ready = await eventually(
      async () => {
        const statuses = await Promise.all(services.map(async (service) => (await fetch(`${service.baseUrl}/ready`)).status));
        expect(statuses).toEqual([200, 200]);
        return statuses;
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    const { rows: letters } = await admin.query<{ schema: string; letters: number; parked: number }>(
      `select s.nspname as schema,
              (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.dead_letters', s.nspname), false, true, '')))[1]::text::int as letters,
              coalesce((xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.parked_streams', s.nspname), false, true, '')))[1]::text::int, 0) as parked
         from pg_namespace s
        where exists (select 1 from pg_tables t where t.schemaname = s.nspname and t.tablename = 'dead_letters')
          and exists (select 1 from pg_tables t where t.schemaname = s.nspname and t.tablename = 'parked_streams')
        order by 1`,
    );

    // A contact retried after a 503 carries its Idempotency-Key: it must not open a second case.
    const { rows: routings } = await admin.query<{ cases: number; assigned: number }>(
      `select count(distinct stream_id)::int as cases, count(*)::int as assigned from workflow.events where type = 'CaseQueued'`,
    );
    const report = {
      routings: routings[0],
      terminatedConnections: terminated,
      terminationRounds: rounds,
      acknowledgedBeforeOutage,
      readDuringOutage: { status: readDuringOutage.status, retryAfter: readDuringOutage.retryAfter, type: readDuringOutage.type },
      readyDuringOutage,
      contactsRefusedWith503DuringOutage: unavailableDuringOutage,
      contactsRefusedWith503: load.refusals.unavailable,
      otherAnswers: load.refusals.other.slice(0, 5),
      otherAnswerCount: load.refusals.other.length,
      acknowledged: load.acknowledged.size,
      contactsDoneAfterRestoreMs: contactsDoneIn,
      allRoutedAfterRestoreMs: routedIn,
      unrouted: unrouted.length,
      deadLetters: letters,
      exits: services.map((service) => service.exit() ?? null),
    };
    process.stdout.write(`database faults: ${JSON.stringify(report, null, 2)}\n`);

    expect(terminated).toBeGreaterThan(0);
    expect(acknowledgedBeforeOutage).toBeLessThan(CONTACTS);
    expect(readDuringOutage).toMatchObject({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), type: expect.stringContaining('application/problem+json') });
    expect(readyDuringOutage).toEqual([503, 503]);
    expect(unavailableDuringOutage).toBeGreaterThan(0);
    expect(load.refusals.other).toEqual([]);
    expect(finished).toBe(true);
    expect(load.acknowledged.size).toBe(CONTACTS);
    expect(new Set(caseIds).size).toBe(CONTACTS);
    expect(unrouted).toEqual([]);
    expect(routings[0]).toEqual({ cases: CONTACTS, assigned: CONTACTS });
    expect(ready).toEqual([200, 200]);
    expect(letters.map((row) => row.schema)).toEqual(expect.arrayContaining(['intake', 'workflow']));
    expect(letters.filter((row) => row.letters > 0 || row.parked > 0)).toEqual([]);
    stillRunning(services);
  };
});
