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
import { CaseCollaborationStatus } from './0007-case-collaboration-status.migration';
import { WORKFLOW_MIGRATIONS } from './workflow.migrations';

/*
 * Migration 0007 on links stored before it: their status OPEN until the case recorded the task's
 * end, and no task version. It must leave the rows that following the log with today's code leaves
 * (what `npm run rebuild -- workflow case-view` writes), given the task view at the same point of
 * the log, as the runtime commits them.
 */
const LINKS = `select case_id, task_id, status, task_version, version, closed_at from workflow.case_task_link order by case_id, task_id`;
/** What the code before 0007 stored: OPEN for a link the case had not closed, and no task version. */
const AS_STORED_BEFORE = `update workflow.case_task_link set status = case when closed_at is null then 'OPEN' else status end, task_version = 0`;

describe('migration 0007 on links stored before it', () => {
  let database: FreshDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await freshDatabase('migration0007');
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

  it('gives each link the status and task version that following the log gives', async () => {
    const logs = fc.sample(steps, { numRuns: 60, seed: 20261207 }).map((tried) => {
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
    const followed = await dataSource.query<Record<string, unknown>[]>(LINKS);
    expect(new Set(followed.map((link) => link['status']))).toEqual(new Set(['REQUESTED', 'ACCEPTED', 'COMPLETED', 'RETURNED', 'WITHDRAWN']));

    await dataSource.query(AS_STORED_BEFORE);
    expect((await dataSource.query<{ status: string }[]>(LINKS)).some((link) => link.status === 'OPEN')).toBe(true);
    const runner = dataSource.createQueryRunner();
    await new CaseCollaborationStatus().up(runner);
    await runner.release();

    expect(await dataSource.query(LINKS)).toEqual(followed);
  });
});
