/**
 * Contact intake through REST: POST /api/v1/contacts into the event store at 1 and 64 concurrent
 * clients, in the embedded mode (the whole platform in one process on PGlite) and the distributed
 * mode (intake alone on PostgreSQL, relaying to Kafka). The baseline, run in the same process at the
 * same concurrency, is GET /health. Every contact comes from a customer of its own, so each opens a
 * case. Every cell is bounded by count and time. Prints a table and rewrites its own section of
 * docs/benchmarks.md. Run: npm run bench:contacts (KAFKA_BROKERS=host:port to use a running broker).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { issueDevToken } from '@collab/service-kit';
import { freePort, freshDatabase, startServiceProcess } from '@collab/testing';

const run = promisify(execFile);
const MODES = ['embedded', 'distributed'] as const;
const LEVELS = [1, 64] as const;
const BUDGET = {
  maxRequests: Number(process.env['BENCH_MAX_REQUESTS'] ?? 50_000),
  maxMs: Number(process.env['BENCH_MAX_MS'] ?? 5_000),
};
const WARM_UP = { maxRequests: 200, maxMs: 1_000 };
const REPO = path.join(__dirname, '..');
const DOC = path.join(REPO, 'docs', 'benchmarks.md');
const KAFKA_SCRIPT = path.join(REPO, 'scripts', 'kafka.sh');
const START = '<!-- contacts-bench:start -->';
const END = '<!-- contacts-bench:end -->';
const SECRET = randomBytes(24).toString('hex');

type Mode = (typeof MODES)[number];
type Budget = typeof BUDGET;

/** autocannon puts a fresh id in every request's `[<id>]`: a new requester, so a new customer and a new case. */
const CONTACT = JSON.stringify({
  channel: 'app',
  audience: 'EXTERNAL',
  requester: { id: 'bench-[<id>]' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元，请核实。',
  region: 'GD-SZ',
});

/** What was started, undone in reverse order whatever happened in between. */
class Teardown {
  private readonly steps: (() => Promise<unknown>)[] = [];
  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.reverse())
      await step().catch((error: unknown) => console.error('teardown:', error));
  }
}

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

/** One contact before any load, so a refusal is reported with its body instead of as 5 s of 4xx. */
const preflight = async (baseUrl: string, token: string): Promise<void> => {
  const response = await fetch(`${baseUrl}/api/v1/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: CONTACT.replace('[<id>]', `preflight-${randomBytes(6).toString('hex')}`),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/v1/contacts answered ${response.status}: ${await response.text()}`);
};

const measure = async (mode: Mode, baseUrl: string, token: string): Promise<Cell[]> => {
  const health = `${baseUrl}/health`;
  const contacts = `${baseUrl}/api/v1/contacts`;
  await preflight(baseUrl, token);
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
  return cells;
};

/** A broker of our own through scripts/kafka.sh, in a temporary home on free ports; stopped by the same script. */
const privateKafka = async (teardown: Teardown): Promise<string> => {
  const home = await mkdtemp(path.join(tmpdir(), 'collab-bench-kafka-'));
  teardown.add(() => rm(home, { recursive: true, force: true }));
  const [port, controllerPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    KAFKA_HOME_DIR: home,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
  };
  // Registered before the start: a start that times out may still leave a broker behind its pid file.
  teardown.add(() => run('bash', [KAFKA_SCRIPT, 'stop'], { env, timeout: 60_000 }));
  await run('bash', [KAFKA_SCRIPT, 'start'], { env, timeout: 300_000 });
  return `127.0.0.1:${port}`;
};

/** Starts the mode's process(es) and answers the base URL; everything started goes on the teardown. */
const deploy = async (mode: Mode, teardown: Teardown): Promise<string> => {
  const [httpPort, grpcPort] = [await freePort(), await freePort()];
  const common = { AUTH_JWT_SECRET: SECRET, GRPC_PORT: String(grpcPort), LOG_LEVEL: 'warn' };
  if (mode === 'embedded') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'collab-bench-platform-'));
    teardown.add(() => rm(dataDir, { recursive: true, force: true }));
    const platform = await startServiceProcess('platform', { ...common, DATA_DIR: dataDir }, httpPort);
    teardown.add(() => platform.stop());
    return platform.baseUrl;
  }
  const brokers = process.env['KAFKA_BROKERS'] ?? (await privateKafka(teardown));
  const database = await freshDatabase('collab_bench');
  teardown.add(() => database.drop());
  const intake = await startServiceProcess(
    'intake',
    { ...common, DATABASE_URL: database.url, KAFKA_BROKERS: brokers },
    httpPort,
  );
  teardown.add(() => intake.stop());
  return intake.baseUrl;
};

const runMode = async (mode: Mode, token: string): Promise<Cell[]> => {
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
  'baseline req/s',
  'ratio',
];

const cells = (cell: Cell): string[] => [
  cell.mode,
  String(cell.clients),
  String(cell.contacts.answered),
  Math.round(perSecond(cell.contacts)).toLocaleString('en-US'),
  String(cell.contacts.p50),
  String(cell.contacts.p99),
  String(cell.contacts.non2xx + cell.contacts.errors),
  String(cell.contacts.unanswered),
  Math.round(perSecond(cell.baseline)).toLocaleString('en-US'),
  `${(perSecond(cell.contacts) / perSecond(cell.baseline)).toFixed(2)}×`,
];

const report = (cell: Cell): void =>
  console.log(
    `${cell.mode.padEnd(11)} ×${String(cell.clients).padStart(2)}: ${Math.round(perSecond(cell.contacts))} contacts/s` +
      ` (p99 ${cell.contacts.p99} ms; ${cell.contacts.statusCodes}${cell.contacts.errors ? `, ${cell.contacts.errors} errors` : ''});` +
      ` /health ${Math.round(perSecond(cell.baseline))} req/s (${cell.baseline.statusCodes})`,
  );

const averageLoad = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

const markdown = (results: readonly Cell[], load: { start: string; end: string }): string =>
  [
    START,
    '## Contacts through REST into the store (`bench/contacts.bench.ts`)',
    '',
    `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${cpus().length} cores shared by the load generator`,
    '(autocannon, in the bench process), the server process, its database and, in the distributed mode, Kafka — so',
    `the figures are a floor, not a capacity (load average ${load.start} at start, ${load.end} at the end; other`,
    `work shares the machine, so compare rows of one run), Node ${process.version}. **embedded**: \`apps/platform\`, all five`,
    'services in one process on PGlite in a fresh temporary DATA_DIR. **distributed**: `apps/intake` alone on PostgreSQL',
    '(a fresh database, the default pool of 16) with its Kafka relay running. Each request is `POST /api/v1/contacts` with an',
    "agent's HS256 bearer token and a contact from a requester never seen before (autocannon's `[<id>]`), so every",
    'contact recognises a new customer, opens a case, takes a case number and is acknowledged with expected times; no',
    '`Idempotency-Key`. Clients are closed-loop connections (each sends its next request when the answer arrives), so at',
    `64 clients latency includes queueing. Each cell is bounded by ${BUDGET.maxRequests.toLocaleString('en-US')} requests or ${BUDGET.maxMs / 1000} s after a short warm-up.`,
    '',
    'requests = answers received; contacts/s = 2xx answers per second; p50 / p99 = latency of each request as the client',
    "sees it, in whole milliseconds (autocannon's resolution); non-2xx = non-2xx answers plus connection errors (must be 0:",
    'a row with refusals measured errors, not contacts); unanswered = requests sent but not answered when the time ran',
    'out — their latency is in no percentile, so when it nears the number of clients, p99 understates the wait.',
    '**Baseline**: `GET /health` of the same process at the same concurrency, run just before the contacts: the same',
    'Express/Nest stack, logging and JSON answer, plus one `select 1` on the same database pool, without a token — the',
    'cheapest request that reaches the store. No endpoint appends an event without the intake logic around it, so none is',
    'closer. ratio = contacts/s ÷ baseline req/s: the share of the HTTP-plus-database floor that a contact keeps.',
    'DESIGN.md §6 target: ≥ 2,000 contacts/s sustained, p99 < 50 ms.',
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...results.map((cell) => `| ${cells(cell).join(' | ')} |`),
    END,
  ].join('\n');

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
  const start = averageLoad();
  const token = await issueDevToken(
    SECRET,
    { sub: 'bench-agent', roles: ['agent'], audience: 'INTERNAL' },
    '2h',
  );
  const results: Cell[] = [];
  for (const mode of MODES) results.push(...(await runMode(mode, token)));
  console.log('');
  console.table(
    results.map((cell) => Object.fromEntries(HEADER.map((name, index) => [name, cells(cell)[index]]))),
  );
  await writeDoc(markdown(results, { start, end: averageLoad() }));
  console.log(`wrote ${path.relative(process.cwd(), DOC)}`);
  const refused = results.filter(
    (cell) => cell.contacts.non2xx + cell.contacts.errors + cell.baseline.non2xx > 0,
  );
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
