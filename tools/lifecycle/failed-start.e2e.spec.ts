import { createServer, type Server } from 'node:net';
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  freePort,
  freshDatabase,
  spawnService,
  startServiceProcess,
  type FreshDatabase,
  type SpawnedService,
} from '@collab/testing';

const secret = 'failed-start-e2e-secret-0123456789abcdef';
/** Spawn to exit: loading the TypeScript sources alone takes a few seconds on a busy 2-core machine. */
const EXIT_BOUND_MS = 90_000;
/** From the line on stderr to the exit: the process closes what it opened within 5 s, then exits. */
const CLEANUP_BOUND_MS = 6_500;

const timings: string[] = [];
/** The embedded mode: no PostgreSQL or Kafka from the test run's own environment. */
const embedded = { KAFKA_BROKERS: '', DATABASE_URL: '' };

/** Waits for the exit and checks the promise of a failed start: non-zero, promptly, one line naming why. */
const expectFailedStart = async (spawned: SpawnedService, label: string, line: RegExp) => {
  const exit = await spawned.waitForExit(EXIT_BOUND_MS);
  const lineAt = spawned.firstStderrAt();
  timings.push(
    `${label}: exit ${exit.code} ${exit.at - spawned.spawnedAt} ms after spawn, ${lineAt === undefined ? '?' : exit.at - lineAt} ms after its line`,
  );
  expect(exit.code).toBe(1);
  expect(spawned.stderr()).toMatch(/^[^\n]+\n$/);
  expect(spawned.stderr().trimEnd()).toMatch(line);
  expect(exit.at - lineAt!).toBeLessThan(CLEANUP_BOUND_MS);
};

const withClient = async (url: string, work: (client: Client) => Promise<void>): Promise<void> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
};

const listenOn = (port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

describe('a service process that cannot start', () => {
  const folders: string[] = [];
  const dataDir = async () => {
    const folder = await mkdtemp(join(tmpdir(), 'collab-failed-start-'));
    folders.push(folder);
    return folder;
  };

  afterAll(async () => {
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    process.stdout.write(`failed starts measured:\n  ${timings.join('\n  ')}\n`);
  });

  it('exits 1 naming an unreachable database, without its password', async () => {
    const closedPort = await freePort();
    const spawned = spawnService(
      'workflow',
      {
        DATABASE_URL: `postgres://postgres:pa55word@127.0.0.1:${closedPort}/x`,
        KAFKA_BROKERS: '127.0.0.1:9',
        AUTH_JWT_SECRET: secret,
        GRPC_PORT: String(await freePort()),
      },
      await freePort(),
    );
    await expectFailedStart(
      spawned,
      'database unreachable',
      new RegExp(
        `^workflow could not start: database postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${closedPort}/x unreachable \\(ECONNREFUSED\\)$`,
      ),
    );
    expect(spawned.output()).not.toContain('pa55word');
  });

  it('exits 1 naming every invalid setting on one line, and never echoes a secret', async () => {
    const spawned = spawnService(
      'workflow',
      {
        WORKFLOW_SLA_POLL_MS: '5',
        LOG_LEVEL: 'loud',
        AUTH_JWT_SECRET: 'short-secret',
        KAFKA_BROKERS: 'kafka',
        DATA_DIR: await dataDir(),
      },
      await freePort(),
    );
    await expectFailedStart(
      spawned,
      'invalid settings',
      /^workflow could not start: config: .*(config: .*){3,}$/,
    );
    const line = spawned.stderr();
    for (const setting of [
      'WORKFLOW_SLA_POLL_MS must be at least 10 ms (got "5")',
      'LOG_LEVEL',
      'AUTH_JWT_SECRET must be at least 16 characters',
      'KAFKA_BROKERS must be host:port',
    ])
      expect(line).toContain(setting);
    expect(spawned.output()).not.toContain('short-secret');
  });

  it('exits 1 naming a taken HTTP port after everything else started, and releases the data folder', async () => {
    const port = await freePort();
    const squatter = await listenOn(port);
    const folder = await dataDir();
    try {
      const spawned = spawnService(
        'platform',
        { ...embedded, DATA_DIR: folder, AUTH_JWT_SECRET: secret, GRPC_PORT: String(await freePort()) },
        port,
      );
      await expectFailedStart(
        spawned,
        'HTTP port taken (embedded platform)',
        new RegExp(`^platform could not start: HTTP port 127\\.0\\.0\\.1:${port} is taken \\(EADDRINUSE\\)$`),
      );
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    expect(await readdir(folder)).not.toContain('open.lock');
  });

  it('exits 1 naming a data folder another live process holds', async () => {
    const folder = await dataDir();
    await writeFile(
      join(folder, 'open.lock'),
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    );
    const spawned = spawnService(
      'platform',
      { ...embedded, DATA_DIR: folder, AUTH_JWT_SECRET: secret, GRPC_PORT: String(await freePort()) },
      await freePort(),
    );
    await expectFailedStart(
      spawned,
      'data folder locked',
      new RegExp(`^platform could not start: data folder \\S+ is already open by process ${process.pid} on `),
    );
  });

  it('exits 1 naming a signing secret file others can read, and makes the data folder 0700', async () => {
    const folder = await dataDir();
    await chmod(folder, 0o755);
    await writeFile(join(folder, 'dev-jwt-secret'), 'x\n', { mode: 0o644 });
    await chmod(join(folder, 'dev-jwt-secret'), 0o644);
    const spawned = spawnService('platform', { ...embedded, DATA_DIR: folder, AUTH_JWT_SECRET: '', GRPC_PORT: String(await freePort()) }, await freePort());
    await expectFailedStart(
      spawned,
      'secret file readable by others',
      /^platform could not start: \S+dev-jwt-secret is readable by others \(mode 0644\): chmod 600 it, or delete it to make a new one$/,
    );
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
  });

  describe('when its schema cannot be brought to the newest version', () => {
    let database: FreshDatabase;
    beforeAll(async () => {
      database = await freshDatabase('collab_failed_start');
      // A table of the same name that a migration cannot build on (another tool's, or a hand-made one).
      await withClient(database.url, async (client) => {
        await client.query('create schema workflow');
        await client.query('create table workflow.case_view (id uuid primary key)');
      });
    });
    afterAll(() => database.drop());

    it('exits 1 naming the failed migration, having closed what was open', async () => {
      const spawned = spawnService(
        'workflow',
        { DATABASE_URL: database.url, KAFKA_BROKERS: `127.0.0.1:${await freePort()}`, AUTH_JWT_SECRET: secret, GRPC_PORT: String(await freePort()) },
        await freePort(),
      );
      await expectFailedStart(spawned, 'a migration that cannot run', /^workflow could not start: .*requester_id/);
    });
  });
});

/** Kafka away is not a failed start: the service serves what needs no broker and says it is not ready. */
describe('a service process whose broker is away', () => {
  let database: FreshDatabase;
  beforeAll(async () => {
    database = await freshDatabase('collab_no_broker');
  });
  afterAll(() => database.drop());

  it('starts, is alive on /health, and answers 503 on /ready naming the consumer groups it has not joined', async () => {
    const port = await freePort();
    const service = await startServiceProcess(
      'workflow',
      { DATABASE_URL: database.url, KAFKA_BROKERS: `127.0.0.1:${await freePort()}`, AUTH_JWT_SECRET: secret, GRPC_PORT: String(await freePort()) },
      port,
    );
    try {
      expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
      const ready = await fetch(`${service.baseUrl}/ready`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { checks: Record<string, { ready: boolean; detail?: { consumer: string; joined: boolean }[] }> };
      expect(body.checks['store']?.ready).toBe(true);
      expect(body.checks['kafka consumers']?.ready).toBe(false);
      expect(body.checks['kafka consumers']?.detail?.map((member) => member.consumer)).toEqual(
        expect.arrayContaining(['workflow.route-case', 'workflow.case-promise', 'workflow.business-calendars']),
      );
    } finally {
      await service.stop();
    }
  });
});
