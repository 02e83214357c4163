import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { DATABASE, type Database } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform } from '../e2e/embedded-platform';
import { BusyDay } from './busy-day.fixtures';
import { differences, nothingDiffers } from './read-model-rows';

const REPO = join(__dirname, '..', '..', '..', '..');
/** The values read model: the fact journal, the context facts are attributed by, the observations every value is read from. */
const VALUE_TABLES = ['kpi.fact', 'kpi.fact_customer', 'kpi.case_context', 'kpi.case_holding', 'kpi.queue_unit', 'kpi.unit', 'kpi.task_target', 'kpi.duration_end', 'kpi.observation'];
const OWN_TABLES = ['kpi.definition', 'kpi.alert_event'];
const SOURCES = ['intake', 'workflow', 'knowledge'] as const;
const MODE_SETTINGS = ['KAFKA_BROKERS', 'DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'SERVICE', 'DATA_DIR'];

const rebuildCommand = (args: readonly string[], dataDir: string): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !MODE_SETTINGS.includes(name)));
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/platform/src/rebuild/rebuild.main.ts', ...args], { cwd: REPO, env: { ...env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });

/**
 * Every row of each table as canonical JSON, sorted. The journal's `seq` is left out: it numbers
 * facts in the order they were journalled, which a rebuild (log after log) does not repeat, and no
 * value depends on it (a backfill folds pages in any order to the same rows).
 */
const picture = async (pool: Pool, tables: readonly string[]): Promise<Map<string, string[]>> => {
  const pictures = new Map<string, string[]>();
  for (const table of tables) {
    const { rows } = await pool.query<{ row: string }>(`select (to_jsonb(t) - 'seq')::text as row from ${table} t`);
    pictures.set(table, rows.map((row) => row.row).sort());
  }
  return pictures;
};

/** Each source log's head, and where the KPI consumer of it has checkpointed. */
const consumersCaughtUp = async (pool: Pool): Promise<Record<string, { head: string; checkpoint: string }>> => {
  const seen: Record<string, { head: string; checkpoint: string }> = {};
  for (const source of SOURCES) {
    const { rows: heads } = await pool.query<{ head: string | null }>(`select max(position)::text as head from ${source}.events`);
    const { rows } = await pool.query<{ position: string }>(`select position::text as position from messaging.checkpoints where name = $1`, [`consumer:kpi.facts-from-${source}`]);
    seen[source] = { head: heads[0]?.head ?? '0', checkpoint: rows[0]?.position ?? '0' };
  }
  return seen;
};

describe('npm run rebuild -- kpi <read-model>: the KPI service’s definitions, alerts and values rebuilt from the logs', () => {
  let dataDir: string;
  let platform: EmbeddedPlatform;
  const poolOf = (running: EmbeddedPlatform): Pool => running.app.get<Database>(DATABASE).pool;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-rebuild-kpi-'));
    platform = await EmbeddedPlatform.startOn(dataDir);
    const day = new BusyDay(platform);
    await day.administer();
    await day.work(await day.contacts(21, 12), 3);
    await eventually(async () => {
      const seen = await consumersCaughtUp(poolOf(platform));
      for (const source of SOURCES) expect(seen[source]?.checkpoint).toBe(seen[source]?.head);
    }, { timeoutMs: 60_000 });
  }, 300_000);
  afterAll(() => platform?.stop());

  it('lists the read models, the one fed by other services’ logs with its sources', async () => {
    const { code, output } = await rebuildCommand(['kpi'], dataDir);
    expect(code).toBe(2);
    expect(output).toContain('kpi       definitions, alerts, values (from intake, workflow, knowledge)');
  });

  it('rebuilds definitions, alerts and values row for row equal to the live ones, and the platform goes on from them', async () => {
    const live = await picture(poolOf(platform), [...OWN_TABLES, ...VALUE_TABLES]);
    expect(live.get('kpi.definition')!.length).toBeGreaterThan(10);
    expect(live.get('kpi.observation')!.length).toBeGreaterThan(100);
    expect(live.get('kpi.alert_event')!.length).toBeGreaterThan(0);
    await platform.app.close();

    for (const readModel of ['definitions', 'alerts']) {
      const { code, output } = await rebuildCommand(['kpi', readModel], dataDir);
      expect({ readModel, code, output }).toMatchObject({ readModel, code: 0 });
    }
    const { code, output } = await rebuildCommand(['kpi', 'values'], dataDir);
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toMatch(/rebuilding kpi\.values \(kpi\.fact, .*kpi\.observation\) from the logs of intake \(head [\d,]+\), workflow \(head [\d,]+\), knowledge \(head [\d,]+\)/);
    expect(output).toContain(`kpi.observation ${live.get('kpi.observation')!.length.toLocaleString('en-US')}`);

    platform = await EmbeddedPlatform.startOn(dataDir);
    const tables = [...OWN_TABLES, ...VALUE_TABLES];
    expect(differences(live, await picture(poolOf(platform), tables))).toEqual(nothingDiffers(tables));
    const before = live.get('kpi.fact')!.length;
    await new BusyDay(platform).contacts(1, 1, 900);
    await eventually(async () => {
      const { rows } = await poolOf(platform).query<{ count: number }>('select count(*)::int as count from kpi.fact');
      expect(rows[0]!.count).toBeGreaterThan(before);
    }, { timeoutMs: 30_000 });
  }, 300_000);
});
