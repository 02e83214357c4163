import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { DATABASE, type Database } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform } from '../e2e/embedded-platform';
import { BusyDay } from './busy-day.fixtures';

const REPO = join(__dirname, '..', '..', '..', '..');
/** Settings that would point the command elsewhere than the spec's own data folder. */
const MODE_SETTINGS = ['KAFKA_BROKERS', 'DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'SERVICE', 'DATA_DIR'];
/** The logs the data and KPI services are fed from. */
export const SOURCES = ['intake', 'workflow', 'knowledge'] as const;
export type Source = (typeof SOURCES)[number];

/** `npm run rebuild -- …` as an operator runs it on the spec's data folder, output not a terminal (as in CI); the settings that choose a mode are the spec's to give, not the runner's to leak. */
export const rebuildCommand = (args: readonly string[], dataDir: string): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !MODE_SETTINGS.includes(name)));
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/platform/src/rebuild/rebuild.main.ts', ...args], { cwd: REPO, env: { ...env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });

export const poolOf = (running: EmbeddedPlatform): Pool => running.app.get<Database>(DATABASE).pool;

/** Each source log's head, and where the consumer named `checkpointOf(source)` has checkpointed. */
export const consumersCaughtUp = async (pool: Pool, checkpointOf: (source: Source) => string): Promise<Record<string, { head: string; checkpoint: string }>> => {
  const seen: Record<string, { head: string; checkpoint: string }> = {};
  for (const source of SOURCES) {
    const { rows: heads } = await pool.query<{ head: string | null }>(`select max(position)::text as head from ${source}.events`);
    const { rows } = await pool.query<{ position: string }>(`select position::text as position from messaging.checkpoints where name = $1`, [checkpointOf(source)]);
    seen[source] = { head: heads[0]?.head ?? '0', checkpoint: rows[0]?.position ?? '0' };
  }
  return seen;
};

/**
 * An embedded platform in a data folder of its own after a busy day (administered, 21 customers'
 * contacts worked by 3 agents), once the consumers named by `checkpointOf` have reached every log's head.
 */
export const busyPlatformCaughtUp = async (label: string, checkpointOf: (source: Source) => string): Promise<{ dataDir: string; platform: EmbeddedPlatform }> => {
  const dataDir = await mkdtemp(join(tmpdir(), `collab-rebuild-${label}-`));
  const platform = await EmbeddedPlatform.startOn(dataDir);
  const day = new BusyDay(platform);
  await day.administer();
  await day.work(await day.contacts(21, 12), 3);
  await eventually(async () => {
    const seen = await consumersCaughtUp(poolOf(platform), checkpointOf);
    for (const source of SOURCES) expect(seen[source]?.checkpoint).toBe(seen[source]?.head);
  }, { timeoutMs: 60_000 });
  return { dataDir, platform };
};
