import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { migrateSchema } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { CaseWorld } from '../cases/case-course/case-course.fixtures';
import { CaseView } from '../cases/case-view/case-view.entity';
import { CaseViewProjection } from '../cases/case-view/case-view.projection';
import { TaskView } from '../tasks/task-view/task-view.entity';
import { TaskViewProjection } from '../tasks/task-view/task-view.projection';
import { PartyKinds } from './0008-party-kinds.migration';
import { WORKFLOW_MIGRATIONS } from './workflow.migrations';

/*
 * Migration 0008 on rows stored before it: who asked for a task by id only (`from_unit`). It must
 * give each link and task the kind that following the log with today's code gives (what
 * `npm run rebuild -- workflow case-view task-view` writes), chains from partner-held tasks included.
 */
const LINKS = `select case_id, task_id, parent_task_id, from_unit, from_kind from workflow.case_task_link order by case_id, task_id`;
const TASKS = `select id, parent_task_id, from_unit, from_kind from workflow.task_view order by id`;
/** What the code before 0008 stored: no kind (the column comes with the migration; its default is the placeholder). */
const AS_STORED_BEFORE = [
  `alter table workflow.case_task_link drop column from_kind`,
  `alter table workflow.task_view drop column from_kind`,
];

describe('migration 0008 on tasks stored before it', () => {
  let database: FreshDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await freshDatabase('migration0008');
    dataSource = new DataSource({ type: 'postgres', url: database.url, entities: [CaseView, TaskView] });
    await dataSource.initialize();
    const pool = new Pool({ connectionString: database.url, max: 2 });
    await migrateSchema({ pool, embedded: false, description: 'test', close: () => pool.end() }, 'workflow', WORKFLOW_MIGRATIONS);
    await pool.end();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const steps = fc.array(fc.record({ kind: fc.nat(40), pick: fc.nat(29), minutesLater: fc.integer({ min: 0, max: 600 }) }), { minLength: 30, maxLength: 60 });

  it('gives each link and task the kind of asker that following the log gives', async () => {
    const logs = fc.sample(steps, { numRuns: 60, seed: 20261208 }).map((tried) => {
      const world = new CaseWorld(randomUUID(), { priority: 'NORMAL', openedAt: new Date('2026-11-20T07:30:00.000Z') });
      for (const step of tried) world.take(step);
      // Some histories stop before the process manager caught up: tasks still open, ends not yet recorded.
      if (tried.length % 2 === 0) world.settle();
      return world.log;
    });
    // The fixtures name tasks <case>-task-<n>; the task view keys them by UUID, as the REST API gives them.
    const uuids = new Map<string, string>();
    const withUuids = (text: string) => text.replace(/[0-9a-f]{8}-task-\d+/g, (id) => uuids.get(id) ?? uuids.set(id, randomUUID()).get(id)!);
    const log: RecordedEvent[] = logs.flat().map((event, index) => ({
      ...event,
      streamId: withUuids(event.streamId),
      data: JSON.parse(withUuids(JSON.stringify(event.data))) as RecordedEvent['data'],
      position: BigInt(index + 1),
    }));
    await dataSource.transaction(async (tx) => {
      await new CaseViewProjection().apply(log, tx);
      await new TaskViewProjection().apply(log, tx);
    });
    const followed = [await dataSource.query<Record<string, unknown>[]>(LINKS), await dataSource.query<Record<string, unknown>[]>(TASKS)];
    const kinds = new Set(followed.flat().map((row) => row['from_kind']));
    expect(kinds).toEqual(new Set(['QUEUE', 'UNIT', 'PARTNER']));

    for (const statement of AS_STORED_BEFORE) await dataSource.query(statement);
    const runner = dataSource.createQueryRunner();
    await new PartyKinds().up(runner);
    await runner.release();

    expect([await dataSource.query(LINKS), await dataSource.query(TASKS)]).toEqual(followed);
  });
});
