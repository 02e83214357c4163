import { eventually } from '@collab/testing';
import { EmbeddedPlatform } from '../e2e/embedded-platform';
import { supervisor } from '../e2e/workflow/lifecycle-steps';
import { BusyDay } from './busy-day.fixtures';
import { busyPlatformCaughtUp, poolOf, rebuildCommand } from './rebuild-spec-kit';
import { differences, nothingDiffers, rowsOf } from './read-model-rows';

/** The fact store and its dimensions: the cube, the customer profiles and the dependency map read these. */
const FACT_TABLES = ['data.fact', 'data.case_dim', 'data.task_dim'];

describe('npm run rebuild -- data facts: the data service’s read models rebuilt from the other services’ logs', () => {
  let dataDir: string;
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    ({ dataDir, platform } = await busyPlatformCaughtUp('data', (source) => `consumer:data.facts.${source}`));
  }, 300_000);
  afterAll(() => platform?.stop());

  it('lists the read model with the logs it is fed from', async () => {
    const { code, output } = await rebuildCommand(['data'], dataDir);
    expect(code).toBe(2);
    expect(output).toContain('data      tag-rules, customer-tags, facts (from intake, workflow, knowledge)');
  });

  it('shows every case in Customer 360 with the status workflow’s case view shows (one vocabulary)', async () => {
    const { rows } = await poolOf(platform).query<{ case_id: string; customer_id: string }>('select case_id, customer_id from data.case_dim where customer_id is not null');
    expect(rows.length).toBeGreaterThan(10);
    const shown = async (path: string) => (await platform.call('GET', path, { caller: supervisor })).body;
    await eventually(async () => {
      const differing: string[] = [];
      for (const customerId of new Set(rows.map((row) => row.customer_id))) {
        const profile = (await shown(`/api/v1/customers/${customerId}/profile`)) as { cases: { caseId: string; status: string }[] };
        for (const found of profile.cases) {
          const { status } = (await shown(`/api/v1/cases/${found.caseId}`)) as { status: string };
          // Before routing workflow says REGISTERED where every other view keeps intake's word.
          if (found.status !== status && !(status === 'REGISTERED' && ['OPENED', 'ACKNOWLEDGED'].includes(found.status))) differing.push(`${found.caseId}: ${found.status} / ${status}`);
        }
      }
      expect(differing).toEqual([]);
    }, { timeoutMs: 30_000 });
    const { rows: words } = await poolOf(platform).query<{ status: string }>('select distinct status from data.task_dim order by 1');
    expect(words.map((word) => word.status)).toEqual(expect.arrayContaining(['COMPLETED', 'RETURNED', 'WITHDRAWN']));
  }, 60_000);

  it('rebuilds the fact store row for row equal to the live one, with progress lines, and the platform goes on from it', async () => {
    const live = await rowsOf(poolOf(platform), FACT_TABLES);
    expect(live.get('data.fact')!.length).toBeGreaterThan(50);
    expect(live.get('data.task_dim')!.length).toBeGreaterThan(0);
    await platform.app.close();

    const { code, output } = await rebuildCommand(['data', 'facts'], dataDir);
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toMatch(/rebuilding data\.facts \(data\.fact, data\.case_dim, data\.task_dim\) from the logs of intake \(head [\d,]+\), workflow \(head [\d,]+\), knowledge \(head [\d,]+\)/);
    expect(output).toMatch(/position ([\d,]+) \/ \1 \(100%\) \| [\d,]+ events\/s/);
    expect(output).toContain(`rows: data.fact ${live.get('data.fact')!.length.toLocaleString('en-US')}`);
    expect(output).not.toContain('\u001b[');

    platform = await EmbeddedPlatform.startOn(dataDir);
    expect(differences(live, await rowsOf(poolOf(platform), FACT_TABLES))).toEqual(nothingDiffers(FACT_TABLES));
    const before = live.get('data.fact')!.length;
    const [caseId] = await new BusyDay(platform).contacts(1, 1, 900);
    await eventually(async () => expect((await platform.call('GET', `/api/v1/cases/${caseId!}`, { caller: supervisor })).status).toBe(200));
    await eventually(async () => {
      const { rows } = await poolOf(platform).query<{ count: number }>('select count(*)::int as count from data.fact');
      expect(rows[0]!.count).toBeGreaterThan(before);
    }, { timeoutMs: 30_000 });
  }, 300_000);
});
