import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { DATABASE, type Database } from '@collab/service-kit';
import { eventually } from '@collab/testing';
import { EmbeddedPlatform } from '../e2e/embedded-platform';
import { supervisor } from '../e2e/workflow/lifecycle-steps';
import { BusyDay } from './busy-day.fixtures';
import { rebuildCommand } from './rebuild-spec-kit';
import { differences, nothingDiffers, positions, rowsOf } from './read-model-rows';

const CASE_VIEW_TABLES = ['workflow.case_view', 'workflow.case_leg', 'workflow.case_task_link', 'workflow.case_leg_holder'];

describe('npm run rebuild on an embedded data folder (DATA_DIR)', () => {
  let dataDir: string;
  let platform: EmbeddedPlatform;
  const poolOf = (running: EmbeddedPlatform): Pool => running.app.get<Database>(DATABASE).pool;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-rebuild-'));
    platform = await EmbeddedPlatform.startOn(dataDir);
    const day = new BusyDay(platform);
    await day.administer();
    await day.work(await day.contacts(40, 30), 3);
    await eventually(async () => {
      const { head, checkpoints } = await positions(poolOf(platform), 'workflow');
      expect(checkpoints.get('workflow.case-view.2')).toBe(head);
    }, { timeoutMs: 60_000 });
  }, 300_000);
  afterAll(() => platform?.stop());

  it('refuses, saying why and what to do, while the platform has the folder open', async () => {
    const { code, output } = await rebuildCommand(['workflow', 'case-view'], dataDir);
    expect(code).toBe(1);
    expect(output).toContain(`data folder ${dataDir} is already open by process ${process.pid}`);
    expect(output).toContain('stop the platform, rebuild, start it again');
  });

  it('rebuilds with the platform stopped, printing progress lines, and the platform starts on the rebuilt tables', async () => {
    const live = await rowsOf(poolOf(platform), CASE_VIEW_TABLES);
    const { head } = await positions(poolOf(platform), 'workflow');
    await platform.app.close();

    const { code, output } = await rebuildCommand(['workflow', 'case-view'], dataDir);
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain('the data folder is locked while the rebuild runs, so the platform cannot start on it until the rebuild ends');
    expect(output).toMatch(new RegExp(`position ${head.toLocaleString('en-US')} / ${head.toLocaleString('en-US')} \\(100%\\) \\| [\\d,]+ events/s`));
    expect(output).toContain(`checkpoint workflow.case-view.2: ${head.toLocaleString('en-US')} → ${head.toLocaleString('en-US')}`);
    expect(output).toContain(`rows: workflow.case_view ${live.get('workflow.case_view')!.length.toLocaleString('en-US')}`);
    expect(output).not.toContain('\u001b['); // no terminal control sequences in a log

    platform = await EmbeddedPlatform.startOn(dataDir);
    expect(differences(live, await rowsOf(poolOf(platform), CASE_VIEW_TABLES))).toEqual(nothingDiffers(CASE_VIEW_TABLES));
    const [caseId] = await new BusyDay(platform).contacts(1, 1, 900);
    await eventually(async () => expect((await platform.call('GET', `/api/v1/cases/${caseId!}`, { caller: supervisor })).body).toMatchObject({ id: caseId, queue: expect.any(String) }));
  });

  it('answers a wrong command line with the read models it knows, and a read model it cannot rebuild with why', async () => {
    expect(await rebuildCommand(['workflow'], dataDir)).toMatchObject({ code: 2, output: expect.stringContaining('workflow  case-view, org-view, process-view, task-view, sla-timers (not rebuildable), sla-clocks') });
    expect(await rebuildCommand(['workflow', 'sla-timers'], dataDir)).toMatchObject({ code: 1, output: expect.stringContaining('rebuilt, fired timers would fire again') });
    expect(await rebuildCommand(['intake', 'case-view'], dataDir)).toMatchObject({ code: 2, output: expect.stringContaining('intake has no read model "case-view"') });
  });
});
