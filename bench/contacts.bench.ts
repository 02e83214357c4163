/**
 * Contacts through REST, intake and workflow together: POST /api/v1/contacts at 1 and 64 concurrent
 * clients beside GET /health of the same server, and, at a steady open-loop rate, the time until the
 * case shows routed (a queue) on workflow's GET /api/v1/cases/{id}. Two modes: embedded (the whole
 * platform in one process on PGlite) and distributed (intake and workflow as their own processes on
 * PostgreSQL, with a Kafka broker of their own). RSS of each service process after its start and
 * its peak after the load. The services run from the build (dist/, compiled first), as their
 * containers run them; BENCH_LAUNCH=sources runs their TypeScript through tools/register.js instead.
 * Every load is bounded by count and time. Prints tables and rewrites its own section of
 * docs/benchmarks.md. Run: npm run bench:contacts (KAFKA_BROKERS=host:port to use a running broker).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { issueDevToken } from '@collab/service-kit';
import { freePort, freshDatabase, type ServiceLaunch } from '@collab/testing';
import { averageLoad, buildServices, privateKafka, startPatiently, Teardown, writeBenchSection, type StartedService } from './kit/bench-kit';
import { CONTACT_FIELDS, followEvery, measureRouted, percentile, ROUTED, untilRouted, type Endpoints, type Routed } from './contacts/open-loop';

const MODES = ['embedded', 'distributed'] as const;
const LEVELS = [1, 64] as const;
const BUDGET = {
  maxRequests: Number(process.env['BENCH_MAX_REQUESTS'] ?? 50_000),
  maxMs: Number(process.env['BENCH_MAX_MS'] ?? 5_000),
};
const WARM_UP = { maxRequests: 200, maxMs: 1_000 };
const SECRET = randomBytes(24).toString('hex');
const LAUNCH: ServiceLaunch = process.env['BENCH_LAUNCH'] === 'sources' ? 'sources' : 'build';

type Mode = (typeof MODES)[number];
type Budget = typeof BUDGET;

/** autocannon puts a fresh id in every request's `[<id>]`: a new requester, so a new customer and a new case. */
const CONTACT = JSON.stringify({ ...CONTACT_FIELDS, requester: { id: 'bench-[<id>]' } });


interface Load {
  readonly answered: number;
  readonly ok: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Sent but not answered when the time ran out: their latency is in no percentile. */
  readonly unanswered: number;
  readonly statusCodes: string;
}

interface Cell {
  readonly mode: Mode;
  readonly clients: number;
  readonly contacts: Load;
  readonly baseline: Load;
}


interface Rss {
  readonly mode: Mode;
  readonly service: string;
  /** VmRSS once /health answered, before any load. */
  readonly startedMb: number;
  readonly peakMb: number;
  readonly nowMb: number;
}

type ModeRouted = Routed & { readonly mode: Mode };

interface ModeResult {
  readonly cells: Cell[];
  readonly routed: ModeRouted[];
  readonly rss: Rss[];
}

const summary = (result: autocannon.Result): Load => ({
  answered: result['2xx'] + result.non2xx,
  ok: result['2xx'],
  seconds: result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  non2xx: result.non2xx,
  errors: result.errors,
  unanswered: Math.max(0, result.requests.sent - result['2xx'] - result.non2xx - result.errors),
  statusCodes: Object.entries(result.statusCodeStats ?? {})
    .map(([code, stat]) => `${code}×${stat.count ?? 0}`)
    .join(' '),
});

const perSecond = (load: Load): number => load.ok / load.seconds;

/**
 * `connections` closed-loop clients until the count or the deadline runs out. A 100 ms sample
 * interval, because autocannon notices the end only at a sample tick and would otherwise count
 * up to a second of idle time after the last answer.
 */
const drive = async (
  url: string,
  connections: number,
  budget: Budget,
  request: Partial<autocannon.Options>,
) =>
  summary(
    await autocannon({
      url,
      connections,
      maxOverallRequests: Math.max(budget.maxRequests, connections),
      duration: budget.maxMs / 1000,
      sampleInt: 100,
      ...request,
    }),
  );

const contactRequest = (token: string): Partial<autocannon.Options> => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: CONTACT,
  idReplacement: true,
});

/** VmHWM (the kernel's high-water mark of the resident set) and VmRSS, from /proc. */
const memoryOf = async (pid: number): Promise<{ peakMb: number; nowMb: number }> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, nowMb: kb('VmRSS') / 1024 };
};

/**
 * The highest resident set of each process while the loads run, read every 250 ms. VmHWM alone
 * understates it: the kernel folds the current RSS into the mark only at some points (an unmap, the
 * exit), so memory a process gives back with madvise — as V8 does after a full collection — takes
 * its peak with it (seen: VmHWM 394 MB during the load, 348 MB read after it).
 */
const peakSampler = (pids: readonly number[]) => {
  const peaks = pids.map(() => 0);
  const sample = () =>
    pids.forEach((pid, index) =>
      void memoryOf(pid).then(
        ({ peakMb, nowMb }) => (peaks[index] = Math.max(peaks[index]!, peakMb, nowMb)),
        () => undefined,
      ),
    );
  const timer = setInterval(sample, 250);
  sample();
  return { stop: (): readonly number[] => (clearInterval(timer), peaks) };
};

const measure = async (mode: Mode, endpoints: Endpoints, token: string): Promise<ModeResult> => {
  const started = await Promise.all(endpoints.processes.map(({ process }) => memoryOf(process.pid)));
  const sampler = peakSampler(endpoints.processes.map(({ process }) => process.pid));
  const health = `${endpoints.intake}/health`;
  const contacts = `${endpoints.intake}/api/v1/contacts`;
  await untilRouted(endpoints, token, 'preflight');
  const cells: Cell[] = [];
  for (const clients of LEVELS) {
    await drive(health, clients, WARM_UP, {});
    const baseline = await drive(health, clients, BUDGET, {});
    await drive(contacts, clients, WARM_UP, contactRequest(token));
    const cell: Cell = {
      mode,
      clients,
      baseline,
      contacts: await drive(contacts, clients, BUDGET, contactRequest(token)),
    };
    cells.push(cell);
    report(cell);
  }
  const routed: ModeRouted[] = [];
  for (const rate of ROUTED.rates) {
    // The load before leaves workflow a backlog: each open loop starts once a new contact has gone through.
    await untilRouted(endpoints, token, 'settle');
    routed.push({ mode, ...(await measureRouted(rate, endpoints, token)) });
    reportRouted(routed.at(-1)!);
  }
  const sampled = sampler.stop();
  const rss = await Promise.all(
    endpoints.processes.map(async ({ service, process }, index): Promise<Rss> => {
      const { peakMb, nowMb } = await memoryOf(process.pid);
      return { mode, service, startedMb: started[index]!.nowMb, peakMb: Math.max(peakMb, sampled[index]!), nowMb };
    }),
  );
  return { cells, routed, rss };
};

/** Starts the mode's process(es) and answers where they serve; everything started goes on the teardown. */
const deploy = async (mode: Mode, teardown: Teardown): Promise<Endpoints> => {
  const common = { AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'warn' };
  if (mode === 'embedded') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'collab-bench-platform-'));
    teardown.add(() => rm(dataDir, { recursive: true, force: true }));
    const platform = await startPatiently('platform', { ...common, DATA_DIR: dataDir, GRPC_PORT: String(await freePort()) }, undefined, LAUNCH);
    teardown.add(() => platform.stop());
    return { intake: platform.baseUrl, workflow: platform.baseUrl, processes: [{ service: 'platform', process: platform }] };
  }
  const brokers = process.env['KAFKA_BROKERS'] ?? (await privateKafka(teardown));
  const database = await freshDatabase('collab_bench');
  teardown.add(() => database.drop());
  const env = { ...common, DATABASE_URL: database.url, KAFKA_BROKERS: brokers };
  const processes: { service: string; process: StartedService }[] = [];
  for (const service of ['intake', 'workflow']) {
    const started = await startPatiently(service, { ...env, GRPC_PORT: String(await freePort()) }, undefined, LAUNCH);
    teardown.add(() => started.stop());
    processes.push({ service, process: started });
  }
  return { intake: processes[0]!.process.baseUrl, workflow: processes[1]!.process.baseUrl, processes, database: database.url, brokers };
};

const runMode = async (mode: Mode, token: string): Promise<ModeResult> => {
  const teardown = new Teardown();
  try {
    return await measure(mode, await deploy(mode, teardown), token);
  } finally {
    await teardown.run();
  }
};

const HEADER = [
  'mode',
  'clients',
  'requests',
  'contacts/s',
  'p50 ms',
  'p99 ms',
  'non-2xx',
  'unanswered',
  '/health req/s (same clients)',
  '/health req/s (64 clients)',
  'ratio to 64-client /health',
];

const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');

const cells = (cell: Cell, health64: Load): string[] => [
  cell.mode,
  String(cell.clients),
  String(cell.contacts.answered),
  thousands(perSecond(cell.contacts)),
  String(cell.contacts.p50),
  String(cell.contacts.p99),
  String(cell.contacts.non2xx + cell.contacts.errors),
  String(cell.contacts.unanswered),
  thousands(perSecond(cell.baseline)),
  thousands(perSecond(health64)),
  `${(perSecond(cell.contacts) / perSecond(health64)).toFixed(2)}×`,
];

const ROUTED_HEADER = [
  'mode',
  'rate /s',
  'followed how',
  'contacts sent',
  'send s',
  'max send lag ms',
  'accepted',
  'refused',
  'accepted p50 / p99 ms',
  'followed',
  'routed',
  'not routed in 15 s',
  'routed p50 ms',
  'routed p99 ms',
  'routed max ms',
  'GETs',
  'read model routed (of accepted)',
  'read model p50 / p99 ms',
  'watch statements',
];

const ms = (value: number): string => (Number.isNaN(value) ? '–' : String(Math.round(value)));

const routedCells = (routed: ModeRouted): string[] => [
  routed.mode,
  String(routed.rate),
  routed.how,
  String(routed.scheduled),
  routed.seconds.toFixed(1),
  ms(routed.maxSendLagMs),
  String(routed.accepted),
  String(routed.refused),
  `${ms(percentile(routed.acceptedMs, 50))} / ${ms(percentile(routed.acceptedMs, 99))}`,
  String(routed.followed),
  String(routed.routedMs.length),
  String(routed.unrouted),
  ms(percentile(routed.routedMs, 50)),
  ms(percentile(routed.routedMs, 99)),
  ms(percentile(routed.routedMs, 100)),
  String(routed.reads),
  routed.how === 'watch' ? `${routed.viewMs.length} of ${routed.accepted}` : '–',
  routed.how === 'watch' ? `${ms(percentile(routed.viewMs, 50))} / ${ms(percentile(routed.viewMs, 99))}` : '–',
  String(routed.watchStatements),
];

const STAGES_HEADER = ['mode', 'rate /s', 'cases', 'stage', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'];

const stageRows = (routed: ModeRouted): string[][] =>
  routed.stages
    ? routed.stages.names.map((name, index) => {
        const waits = routed.stages!.waits[index]!;
        return [routed.mode, String(routed.rate), String(routed.stages!.cases), name, ...[50, 90, 99, 100].map((p) => ms(percentile(waits, p)))];
      })
    : [];

const rssCells = (rss: Rss): string[] => [rss.mode, rss.service, rss.startedMb.toFixed(0), rss.peakMb.toFixed(0), rss.nowMb.toFixed(0)];

const report = (cell: Cell): void =>
  console.log(
    `${cell.mode.padEnd(11)} ×${String(cell.clients).padStart(2)}: ${Math.round(perSecond(cell.contacts))} contacts/s` +
      ` (p99 ${cell.contacts.p99} ms; ${cell.contacts.statusCodes}${cell.contacts.errors ? `, ${cell.contacts.errors} errors` : ''});` +
      ` /health ${Math.round(perSecond(cell.baseline))} req/s (${cell.baseline.statusCodes})`,
  );

const reportRouted = (routed: ModeRouted): void =>
  console.log(
    `${routed.mode.padEnd(11)} open loop ${routed.rate}/s: ${routed.accepted}/${routed.scheduled} accepted, ${routed.routedMs.length} routed` +
      ` (p50 ${ms(percentile(routed.routedMs, 50))} ms, p99 ${ms(percentile(routed.routedMs, 99))} ms), ${routed.unrouted} not routed,` +
      ` ${routed.refused} refused, send lag ≤ ${ms(routed.maxSendLagMs)} ms; ${routed.how}: ${routed.reads} GETs` +
      (routed.how === 'watch' ? `, read model ${routed.viewMs.length} routed (p50 ${ms(percentile(routed.viewMs, 50))}, p99 ${ms(percentile(routed.viewMs, 99))} ms)` : ''),
  );

const table = (header: readonly string[], rows: readonly string[][]): string[] => [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];

const health64Of = (results: readonly ModeResult[], mode: Mode): Load =>
  results.flatMap((result) => result.cells).find((cell) => cell.mode === mode && cell.clients === 64)!.baseline;

const markdown = (results: readonly ModeResult[], load: { start: string; end: string }): string[] => [
    '## Contacts through REST, intake and workflow (`bench/contacts.bench.ts`)',
    '',
    `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${cpus().length} cores shared by the load generator`,
    '(autocannon and the open-loop client, in the bench process), the service processes, their database and, in the',
    `distributed mode, Kafka — so the figures are a floor, not a capacity (load average ${load.start} at start,`,
    `${load.end} at the end; other work shares the machine, so compare rows of one run), Node ${process.version}.`,
    '**embedded**: `apps/platform`, all five services in one process on PGlite in a fresh temporary DATA_DIR.',
    '**distributed**: `apps/intake` and `apps/workflow` as their own processes on one fresh PostgreSQL database (each its',
    "own schema and pool of 16), with a Kafka broker of their own (scripts/kafka.sh, 3 partitions): intake's relay",
    "publishes, workflow's consumer routes. Each contact is `POST /api/v1/contacts` with an agent's HS256 bearer token",
    'from a requester never seen before, so every contact recognises a new customer, opens a case, takes a case number',
    'and is acknowledged with expected times; workflow then registers and routes the case to the `complaints` queue.',
    '',
    `**Closed loop** (autocannon): each client sends its next request when the answer arrives, so at 64 clients latency`,
    `includes queueing. Each cell is bounded by ${BUDGET.maxRequests.toLocaleString('en-US')} requests or ${BUDGET.maxMs / 1000} s after a short warm-up; workflow routes the`,
    'cases meanwhile (and may still be routing the 1-client cell\'s during the 64-client one). requests = answers received;',
    "contacts/s = 2xx answers per second; p50 / p99 in whole milliseconds (autocannon's resolution); non-2xx = non-2xx",
    'answers plus connection errors (must be 0); unanswered = sent but not answered when the time ran out (their latency',
    'is in no percentile). **Baseline**: `GET /health` of the same process (intake\'s, in the distributed mode) at the',
    'same concurrency, run just before the contacts: the same Express/Nest stack, logging and JSON answer plus one',
    '`select 1` on the same pool, without a token. The issue\'s goal: contacts/s ≥ 0.25× `/health` at 64 clients.',
    '',
    ...table(
      HEADER,
      results.flatMap((result) => result.cells.map((cell) => cells(cell, health64Of(results, cell.mode)))),
    ),
    '',
    `**Open loop, until routed**: at each rate, contact *i* is sent at *i* / rate s from the start whatever the answers before`,
    `it did, for ${ROUTED.ms / 1000} s; after the closed loop (and the lower rate), once a new contact shows routed (the backlog worked off). Each accepted`,
    `contact is sent and answered the same way; every ${followEvery(ROUTED.rates.at(-1)!)}th at ${ROUTED.rates.at(-1)}/s (every one at ${ROUTED.rates[0]}/s) is followed. routed = from`,
    "the send to the first answer of workflow's `GET /api/v1/cases/{id}` that shows a queue (a 404 or no queue is \"not yet\"),",
    `within ${ROUTED.patienceMs / 1000} s of the send, so it includes the POST, the hop to workflow (relay, Kafka, consumer, in the distributed mode),`,
    'the routing, the projection and the way of following. **followed how**: `watch` (distributed) — the bench asks',
    `workflow's \`case_view\` every ${ROUTED.watchMs} ms, in one indexed statement, which waiting cases show a queue ("read model routed", for`,
    'every accepted case), and reads each followed case on the GET once it does (again every 100 ms only if the GET does not',
    'show it yet), so the GETs are one per followed case instead of the load; `sampled` (embedded, no outside access to',
    `PGlite) — at most ${ROUTED.sampled.inFlight} followed cases wait at once (others are not followed), each read after a tenth of its wait (${ROUTED.sampled.pollMs.least}–${ROUTED.sampled.pollMs.most} ms);`,
    `\`every\` (BENCH_ROUTED_FOLLOW=every, the earlier way) — each followed case read after a tenth of its wait (${ROUTED.pollMs.least}–${ROUTED.pollMs.most} ms), hundreds of`,
    'GETs a second once cases wait seconds. GETs = reads of the followed cases; watch statements = the read-model asks.',
    'accepted p50 / p99 = POST latency of all contacts. max send lag = how late the client sent its latest',
    'contact against the schedule (large = the generator could not keep the rate). Goal: routed p99 < 250 ms at 200/s.',
    '',
    ...table(
      ROUTED_HEADER,
      results.flatMap((result) => result.routed.map(routedCells)),
    ),
    '',
    '**Stages** (distributed, `watch`): for each accepted case, from the send: intake\'s `CaseOpened` (its store\'s `recorded_at`,',
    'the appending transaction\'s start), the Kafka message\'s create time (set by the relay\'s producer at send, read back from the',
    'topic afterwards), workflow\'s `CaseQueued` (`recorded_at`) and the watch tick that first saw the queue in `case_view`; each',
    'row is the wait before that stage, over the cases seen at every stage. One clock (one machine).',
    '',
    ...table(STAGES_HEADER, results.flatMap((result) => result.routed.flatMap(stageRows))),
    '',
    `**Peak RSS** of each service process over both loads: the highest \`VmRSS\` or \`VmHWM\` of \`/proc/<pid>/status\`, read every`,
    '250 ms (VmHWM alone misses memory given back by madvise), beside `VmRSS` once its `/health` answered (before any load) and after the loads. Goal for each',
    `distributed service: < 200 MB. Launch: ${LAUNCH === 'build' ? 'from the build (`npm run build`, dist/) through `scripts/serve.sh`, as the containers run them' : 'from the TypeScript sources through `tools/register.js` (`npm run start:service`)'}.`,
    '',
    ...table(
      ['mode', 'process', 'RSS after start MB', 'peak RSS MB', 'RSS now MB'],
      results.flatMap((result) => result.rss.map(rssCells)),
    ),
];

const main = async (): Promise<void> => {
  const start = averageLoad();
  const token = await issueDevToken(
    SECRET,
    { sub: 'bench-agent', roles: ['agent'], audience: 'INTERNAL' },
    '2h',
  );
  const modes = (process.env['BENCH_MODES']?.split(',') ?? MODES) as Mode[];
  if (LAUNCH === 'build') console.log(await buildServices());
  const results: ModeResult[] = [];
  for (const mode of modes) results.push(await runMode(mode, token));
  console.log('');
  console.table(
    results.flatMap((result) =>
      result.cells.map((cell) =>
        Object.fromEntries(HEADER.map((name, index) => [name, cells(cell, health64Of(results, cell.mode))[index]])),
      ),
    ),
  );
  console.table(
    results.flatMap((result) =>
      result.routed.map((routed) => Object.fromEntries(ROUTED_HEADER.map((name, index) => [name, routedCells(routed)[index]]))),
    ),
  );
  console.table(results.flatMap((result) => result.routed.flatMap(stageRows).map((row) => Object.fromEntries(STAGES_HEADER.map((name, index) => [name, row[index]])))));
  console.table(results.flatMap((result) => result.rss));
  console.log(`wrote ${await writeBenchSection('contacts', markdown(results, { start, end: averageLoad() }))}`);
  const refused = results
    .flatMap((result) => result.cells)
    .filter((cell) => cell.contacts.non2xx + cell.contacts.errors + cell.baseline.non2xx > 0);
  if (refused.length > 0) {
    console.error(
      `non-2xx answers or errors in ${refused.map((cell) => `${cell.mode} ×${cell.clients}`).join(', ')}: the figures are not contacts`,
    );
    process.exitCode = 1;
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
