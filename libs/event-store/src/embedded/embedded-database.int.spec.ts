import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { aStreamId, events, idsOf } from '../testing/fixtures';
import { DataDirLocked, openEmbeddedDatabase } from './open-embedded-database';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../../../..');

/** Opens the folder from a separate Node process and reports the outcome on stdout. */
const openFromAnotherProcess = async (dataDir: string): Promise<string> => {
  const script = `
    require('./libs/event-store/src/embedded/open-embedded-database')
      .openEmbeddedDatabase({ dataDir: process.argv[1] })
      .then(() => { console.log('opened'); process.exit(0); },
            (error) => { console.log(error.name + ': ' + error.message); process.exit(0); });`;
  const { stdout } = await run(process.execPath, ['-r', './tools/register.js', '-e', script, dataDir], {
    cwd: repoRoot,
    timeout: 20_000,
  });
  return stdout.trim();
};

describe('the embedded database', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'collab-embedded-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given events appended and the database closed, when it is opened again, then the events are still there', async () => {
    const streamId = aStreamId();
    const appended = events(3);
    const first = await openEmbeddedDatabase({ dataDir });
    const writer = new PostgresEventStore({ pool: first.pool, schema: 'intake' });
    await writer.ensureSchema();
    await writer.append(streamId, appended, 'no_stream');
    await writer.close();
    await first.close();

    const second = await openEmbeddedDatabase({ dataDir });
    try {
      const reader = new PostgresEventStore({ pool: second.pool, schema: 'intake' });
      expect(idsOf(await reader.readStream(streamId))).toEqual(idsOf(appended));
      expect(await reader.headPosition()).toBe(3n);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('given the folder open here, when another process opens it, then that process fails at once with DataDirLocked naming the folder', async () => {
    const database = await openEmbeddedDatabase({ dataDir });
    try {
      const started = Date.now();
      const outcome = await openFromAnotherProcess(dataDir);
      expect(outcome).toMatch(new RegExp(`^DataDirLocked: data folder .* is already open by process ${process.pid} `));
      expect(outcome).toContain(dataDir);
      expect(Date.now() - started).toBeLessThan(15_000);
      await expect(openEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLocked);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('given the folder closed, when another process opens it, then it succeeds (the lock was released)', async () => {
    expect(await openFromAnotherProcess(dataDir)).toBe('opened');
  }, 60_000);

  it('given a lock left by a process that was killed, when the folder is opened, then the lock is taken over at once', async () => {
    // A pid far above any the kernel hands out here stands for a process that no longer exists.
    const gone = { pid: 2 ** 22 + 12_345, host: hostname(), since: '2026-11-20T09:00:00.000Z' };
    await writeFile(path.join(dataDir, 'open.lock'), JSON.stringify(gone));
    const started = Date.now();
    expect(await openFromAnotherProcess(dataDir)).toBe('opened');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('given a lock held by a live process on another host, when the folder is opened, then it is refused', async () => {
    const elsewhere = { pid: 1, host: `not-${hostname()}`, since: '2026-11-20T09:00:00.000Z' };
    await writeFile(path.join(dataDir, 'open.lock'), JSON.stringify(elsewhere));
    try {
      expect(await openFromAnotherProcess(dataDir)).toMatch(/^DataDirLocked: .* by process 1 on not-/);
    } finally {
      await rm(path.join(dataDir, 'open.lock'), { force: true });
    }
  }, 60_000);
});
