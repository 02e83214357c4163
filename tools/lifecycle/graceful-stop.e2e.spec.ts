import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueDevToken } from '@collab/service-kit';
import { eventually, freePort, startServiceProcess, type ServiceProcess } from '@collab/testing';

const secret = 'graceful-stop-e2e-secret-0123456789abcdef';
const CLIENTS = 16;
const PER_CLIENT = 20;
/** SIGTERM once this many contacts were accepted: midway through the load. */
const STOP_AFTER_CREATED = 48;
const REQUEST_TIMEOUT_MS = 20_000;

type Kind = 'created' | 'refused' | 'transport' | 'other';

interface Outcome {
  readonly i: number;
  readonly kind: Kind;
  readonly at: number;
  readonly status?: number;
  readonly caseId?: string;
  readonly retryAfter?: string | null;
  readonly contentType?: string | null;
  readonly connection?: string | null;
  readonly problemStatus?: unknown;
  readonly detail?: string;
}

const contact = (i: number) => ({
  channel: 'app',
  audience: 'EXTERNAL',
  // A customer each, identified by id alone: contacts of one customer in one category would join one case.
  requester: { id: `cust-drain-${i}` },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: `账单金额不对 #${i}`,
  description: '本月账单多扣了 30 元，请核实。',
  language: 'zh-Hans',
  region: 'GD-SZ',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const outcomeOf = async (i: number, response: Response): Promise<Outcome> => {
  const common = {
    i,
    at: Date.now(),
    status: response.status,
    connection: response.headers.get('connection'),
  };
  const text = await response.text();
  if (response.status === 201)
    return { ...common, kind: 'created', caseId: (JSON.parse(text) as { caseId: string }).caseId };
  if (response.status !== 503) return { ...common, kind: 'other', detail: text.slice(0, 300) };
  return {
    ...common,
    kind: 'refused',
    retryAfter: response.headers.get('retry-after'),
    contentType: response.headers.get('content-type'),
    problemStatus: (JSON.parse(text) as { status?: unknown }).status,
  };
};

const transportCode = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
};

describe('the embedded platform stopped with SIGTERM under load', () => {
  let dataDir: string;
  let platform: ServiceProcess | undefined;

  const start = async () =>
    startServiceProcess(
      'platform',
      {
        KAFKA_BROKERS: '',
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        AUTH_JWT_SECRET: secret,
        GRPC_PORT: String(await freePort()),
        LOG_LEVEL: 'info',
      },
      await freePort(),
    );

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-drain-'));
  });

  afterAll(async () => {
    await platform?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers what it accepted, refuses the rest with 503 and Retry-After, loses nothing it answered, and takes a doubled Ctrl-C as one stop', async () => {
    platform = await start();
    const running = platform;
    // A channel submits for the customers it serves (a customer's own token speaks only for its sub).
    const channel = await issueDevToken(secret, { sub: 'channel-drain', roles: ['channel'], audience: 'EXTERNAL' });
    const outcomes: Outcome[] = [];
    let sigtermAt: number | undefined;

    const submit = (i: number): Promise<Outcome> =>
      fetch(`${running.baseUrl}/api/v1/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${channel}`, 'content-type': 'application/json' },
        body: JSON.stringify(contact(i)),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).then(
        (response) => outcomeOf(i, response),
        (error: unknown): Outcome => ({ i, kind: 'transport', at: Date.now(), detail: transportCode(error) }),
      );

    const client = async (c: number) => {
      for (let k = 0; k < PER_CLIENT; k += 1) {
        const outcome = await submit(c * PER_CLIENT + k);
        outcomes.push(outcome);
        if (
          sigtermAt === undefined &&
          outcomes.filter(({ kind }) => kind === 'created').length >= STOP_AFTER_CREATED
        ) {
          sigtermAt = Date.now();
          running.signal('SIGTERM');
        }
        // A client told to come back later, or not let in, waits a little as a load balancer would.
        if (outcome.kind !== 'created') await sleep(100);
      }
    };
    const loadStartedAt = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const exit = await running.waitForExit(30_000);

    const count = (kind: Kind) => outcomes.filter((outcome) => outcome.kind === kind);
    const [created, refused, transport, other] = (['created', 'refused', 'transport', 'other'] as const).map(
      count,
    );
    const logged = (message: string) =>
      running
        .output()
        .split('\n')
        .filter((line) => line.includes(message))
        .map((line) => JSON.parse(line) as Record<string, unknown> & { time: number });
    const drained = logged('requests drained');
    const heardAt = logged('stopping: no new requests')[0]?.time;
    const codes = transport!.map(({ detail }) => detail);
    process.stdout.write(
      [
        `graceful stop under load (${CLIENTS} clients, ${outcomes.length} requests in ${Date.now() - loadStartedAt} ms):`,
        `  201: ${created!.length} (${created!.filter(({ at }) => at > sigtermAt!).length} answered after SIGTERM was sent), 503: ${refused!.length}, other statuses: ${other!.length}`,
        `  not let in: ${transport!.length} (${[...new Set(codes)].map((code) => `${code} ${codes.filter((c) => c === code).length}`).join(', ')})`,
        `  SIGTERM heard after ${heardAt === undefined ? '?' : heardAt - sigtermAt!} ms, exit ${exit.code} after ${exit.at - sigtermAt!} ms; drain report ${JSON.stringify(drained.map(({ finishedAfterStop, refused: r, unfinished }) => ({ finishedAfterStop, refused: r, unfinished })))}`,
      ].join('\n') + '\n',
    );

    expect(sigtermAt).toBeDefined();
    expect(exit.code).toBe(0);
    expect(exit.at - sigtermAt!).toBeLessThan(25_000);
    expect(other).toEqual([]);
    expect(created!.length).toBeGreaterThanOrEqual(STOP_AFTER_CREATED);
    expect(drained).toEqual([expect.objectContaining({ unfinished: 0 })]);
    for (const answer of refused!)
      expect(answer).toMatchObject({
        retryAfter: '2',
        contentType: 'application/problem+json',
        problemStatus: 503,
        connection: 'close',
      });
    // Nothing failed at the transport level before the stop: those failures are the closed listener's.
    expect(transport!.filter(({ at }) => at < sigtermAt!)).toEqual([]);

    platform = await start();
    const restarted = platform;
    const agent = await issueDevToken(secret, { sub: 'agent-1', roles: ['agent'], audience: 'INTERNAL' });
    for (const { caseId } of created!) {
      await eventually(
        async () => {
          const response = await fetch(`${restarted.baseUrl}/api/v1/cases/${caseId}`, {
            headers: { authorization: `Bearer ${agent}` },
          });
          expect(response.status).toBe(200);
        },
        { timeoutMs: 30_000, intervalMs: 100 },
      );
    }
    // A request that got no answer left no trace: it was never let in (its customer was never met).
    for (const { i } of [...refused!, ...transport!]) {
      const own = await issueDevToken(secret, { sub: `cust-drain-${i}`, roles: [], audience: 'EXTERNAL' });
      const response = await fetch(`${restarted.baseUrl}/api/v1/customers/me/cases`, {
        headers: { authorization: `Bearer ${own}` },
      });
      expect({ i, status: response.status }).toEqual({ i, status: 404 });
    }

    // Ctrl-C under npm: the terminal's SIGINT and npm's forwarded copy arrive together — one stop.
    restarted.signal('SIGINT');
    restarted.signal('SIGINT');
    const stopped = await restarted.waitForExit(30_000);
    expect(stopped.code).toBe(0);
    expect(restarted.output()).not.toContain('second signal');
  });
});
