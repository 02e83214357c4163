import type { Pool } from 'pg';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform } from '../e2e/embedded-platform';
import { BusyDay } from './busy-day.fixtures';
import { busyPlatformCaughtUp, poolOf, rebuildCommand } from './rebuild-spec-kit';
import { differences, nothingDiffers } from './read-model-rows';

/** The values read model: the fact journal, the context facts are attributed by, the observations every value is read from. */
const VALUE_TABLES = ['kpi.fact', 'kpi.fact_customer', 'kpi.case_context', 'kpi.case_holding', 'kpi.queue_unit', 'kpi.unit', 'kpi.task_target', 'kpi.duration_end', 'kpi.observation'];
const OWN_TABLES = ['kpi.definition', 'kpi.alert_event'];

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

describe('npm run rebuild -- kpi <read-model>: the KPI service’s definitions, alerts and values rebuilt from the logs', () => {
  let dataDir: string;
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    ({ dataDir, platform } = await busyPlatformCaughtUp('kpi', (source) => `consumer:kpi.facts-from-${source}`));
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
