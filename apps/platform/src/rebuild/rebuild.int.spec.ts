import { Pool } from 'pg';
import { PostgresEventStore } from '@collab/event-store';
import { DataSource } from 'typeorm';
import { intakeReadModels } from '@collab/intake';
import { findReadModel, migrateSchema, openDatabase, rebuildReadModel, type Database, type ServiceReadModels } from '@collab/service-kit';
import { eventually, freshDatabase, type FreshDatabase } from '@collab/testing';
import { workflowReadModels } from '@collab/workflow';
import type { RebuildPhase } from '@collab/following';
import { EmbeddedPlatform } from '../e2e/embedded-platform';
import { supervisor } from '../e2e/workflow/lifecycle-steps';
import { BusyDay } from './busy-day.fixtures';
import { differences, nothingDiffers, positions, rowsOf } from './read-model-rows';

/*
 * `npm run rebuild` against a running deployment (the platform on PostgreSQL, its projection
 * groups following): every read model of workflow and intake, rebuilt from position 0 after a busy
 * day driven through REST, holds exactly the rows the live projection had built; and a rebuild
 * that runs while traffic goes on ends equal to the fold of the whole log.
 */

const SERVICES: Record<string, ServiceReadModels> = { intake: intakeReadModels, workflow: workflowReadModels };
const READ_MODELS: [string, string][] = [
  ...['case-record', 'channel-view', 'category-view', 'calendar-view'].map((name): [string, string] => ['intake', name]),
  ...['case-view', 'task-view', 'org-view', 'process-view', 'sla-clocks'].map((name): [string, string] => ['workflow', name]),
];
const quiet = { phase: () => undefined, advanced: () => undefined };

describe('rebuilding the read models of a running platform (PostgreSQL)', () => {
  let database: FreshDatabase;
  let platform: EmbeddedPlatform;
  let pool: Pool;
  let operator: Database;
  let day: BusyDay;
  const report: string[] = [];

  /** Every projection of both services has applied the whole log, and the log has been still for a moment. */
  const settled = async (): Promise<void> => {
    for (const service of Object.keys(SERVICES))
      await eventually(async () => {
        const { head, checkpoints } = await positions(pool, service);
        for (const Projection of SERVICES[service]!.projections) expect([new Projection().name, checkpoints.get(new Projection().name)]).toEqual([new Projection().name, head]);
      }, { timeoutMs: 60_000, intervalMs: 200 });
  };
  const rebuild = (service: string, readModel: string, observe: (phase: RebuildPhase) => Promise<void> | void = () => undefined) =>
    rebuildReadModel({ database: operator, service: SERVICES[service]!, readModel, progress: { ...quiet, phase: observe }, signal: new AbortController().signal, batchSize: 500 });

  beforeAll(async () => {
    database = await freshDatabase('rebuild');
    platform = await EmbeddedPlatform.start({ DATABASE_URL: database.url });
    pool = new Pool({ connectionString: database.url, max: 4 });
    operator = await openDatabase({ DATABASE_URL: database.url, DATA_DIR: '.data', DATABASE_POOL_SIZE: 4 }, { warn: () => undefined });
    day = new BusyDay(platform);
    await day.administer();
    await day.work(await day.contacts(360, 240));
    await settled();
  }, 900_000);
  afterAll(async () => {
    process.stdout.write(`\nrebuilt equals live, rows compared:\n${report.join('\n')}\n`);
    await operator?.close();
    await pool?.end();
    await platform?.stop();
    await database?.drop();
  });

  it('had a busy day: the log holds every kind of event the read models show', async () => {
    const { rows } = await pool.query<{ type: string }>(
      `select distinct type from workflow.events union select distinct type from intake.events`,
    );
    const seen = new Set(rows.map((row) => row.type));
    const wanted = [
      'CaseOpened', 'CaseAcknowledged', 'ContactAppended', 'CategoryDefined', 'CategoryRenamed', 'CategoryRetired', 'ChannelChanged', 'ChannelDisabled', 'ChannelEnabled', 'CalendarRevised',
      'CaseRegistered', 'CaseAssignedToAgent', 'CaseTransferred', 'CaseWorkStarted', 'CollaborationTaskOpened', 'CollaborationTaskClosed', 'CaseResolved',
      'CaseClosed', 'CaseReopened', 'CaseCancelled', 'CollaborationRequested', 'TaskAccepted', 'TaskNoteAdded', 'TaskUrged', 'TaskCompleted',
      'TaskReturned', 'TaskWithdrawn', 'AgentEnrolled', 'AgentChanged', 'PartnerRegistered', 'ProcessVersionPublished', 'SlaClockStarted', 'SlaClockStopped',
    ];
    expect(wanted.filter((type) => !seen.has(type))).toEqual([]);
  });

  it.each(READ_MODELS)('%s %s: the swapped-in tables hold exactly the rows the live projection had built', async (service, readModel) => {
    const projection = findReadModel(SERVICES[service]!, readModel);
    const live = await rowsOf(pool, projection.tables);
    const before = await positions(pool, service);
    const outcome = await rebuild(service, readModel);
    // Nothing was appended meanwhile: the live rows above are the fold of the same log.
    expect(outcome.position).toBe(before.head);
    const rebuilt = await rowsOf(pool, projection.tables);
    expect(differences(live, rebuilt)).toEqual(nothingDiffers(projection.tables));
    const after = await positions(pool, service);
    expect(after.checkpoints.get(projection.name)).toBe(outcome.position);
    for (const [name, position] of before.checkpoints) if (name !== projection.name) expect([name, after.checkpoints.get(name)]).toEqual([name, position]);
    report.push(`  ${service} ${readModel}: ${[...live].map(([table, rows]) => `${table} ${rows.length}`).join(', ')} (${outcome.read} events read, ${outcome.applied} applied)`);
  });

  it('leaves the live projections following on the swapped-in tables', async () => {
    const [caseId] = await day.contacts(1, 1, 5_000);
    // GET /cases/{id} reads only the case view: the new case shows once the live group applied it.
    await eventually(async () => expect((await platform.call('GET', `/api/v1/cases/${caseId!}`, { caller: supervisor })).body).toMatchObject({ id: caseId, queue: expect.any(String) }));
    await settled();
  });

  it('ends equal to the fold of the whole log when it runs while traffic goes on', async () => {
    let busy = true;
    const traffic = (async () => {
      for (let round = 0; busy; round += 1) await day.work(await day.contacts(12, 12, 10_000 + round * 12), 3);
    })();
    // Contacts that land exactly while the live group pauses, and between the last read and the swap:
    // new ones each time, so that the second rebuild sees contacts the first did not.
    let landings = 0;
    const land = async (phase: RebuildPhase): Promise<void> => {
      if (phase === 'final-catch-up' || phase === 'swapping') await day.contacts(2, 2, 20_000 + 100 * (landings += 1));
    };
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const outcomes = [await rebuild('workflow', 'case-view', land), await rebuild('workflow', 'task-view', land)];
    busy = false;
    await traffic;
    // The background traffic may end with its last append before the second swap; this comes after
    // both, so the live projections surely apply events on the swapped-in tables.
    await day.work(await day.contacts(6, 6, 30_000), 3);
    await settled();
    const { head } = await positions(pool, 'workflow');
    expect(outcomes.every((outcome) => outcome.position < head)).toBe(true);
    for (const readModel of ['case-view', 'task-view']) {
      const projection = findReadModel(workflowReadModels, readModel);
      const folded = await foldOfWholeLog(pool, readModel);
      expect(differences(folded, await rowsOf(pool, projection.tables))).toEqual(nothingDiffers(projection.tables));
      report.push(`  workflow ${readModel} under traffic, against the fold of ${head} events: ${[...folded].map(([table, rows]) => `${table} ${rows.length}`).join(', ')}`);
    }
  });
});

/**
 * The projection applied to the whole of workflow's log in one pass, in a database of its own
 * (with the calendars the live one knows): the fold the swapped-in tables must equal.
 */
const foldOfWholeLog = async (live: Pool, readModel: string): Promise<Map<string, string[]>> => {
  const projection = findReadModel(workflowReadModels, readModel);
  const elsewhere = await freshDatabase('rebuild_fold');
  const pool = new Pool({ connectionString: elsewhere.url, max: 2 });
  const dataSource = new DataSource({ type: 'postgres', url: elsewhere.url, entities: [...workflowReadModels.entities] });
  const store = new PostgresEventStore({ pool: live, schema: 'workflow' });
  try {
    await migrateSchema({ pool, embedded: false, description: 'fold', close: () => Promise.resolve() }, 'workflow', workflowReadModels.migrations);
    const { rows: calendars } = await live.query<{ id: string; definition: object; version: number; changed_at: Date }>('select * from workflow.business_calendar');
    for (const row of calendars)
      await pool.query('insert into workflow.business_calendar (id, definition, version, changed_at) values ($1, $2, $3, $4)', [row.id, JSON.stringify(row.definition), row.version, row.changed_at]);
    await dataSource.initialize();
    for (let batch = await store.readAll({ after: 0n, maxCount: 500 }); batch.length > 0; batch = await store.readAll({ after: batch.at(-1)!.position, maxCount: 500 })) {
      const events = batch.filter((event) => projection.handles.includes(event.type));
      if (events.length > 0) await dataSource.transaction((tx) => projection.apply(events, tx));
    }
    return await rowsOf(pool, projection.tables);
  } finally {
    await store.close();
    await dataSource.destroy().catch(() => undefined);
    await pool.end();
    await elsewhere.drop();
  }
};
