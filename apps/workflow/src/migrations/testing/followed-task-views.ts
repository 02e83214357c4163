import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { migrateSchema } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { CaseWorld } from '../../cases/case-course/case-course.fixtures';
import { CaseView } from '../../cases/case-view/case-view.entity';
import { CaseViewProjection } from '../../cases/case-view/case-view.projection';
import { TaskView } from '../../tasks/task-view/task-view.entity';
import { TaskViewProjection } from '../../tasks/task-view/task-view.projection';
import { WORKFLOW_MIGRATIONS } from '../workflow.migrations';

/*
 * What a migration of the case and task views is checked against: a fresh database at today's
 * migrations, and the rows that following a log of random case histories with today's code leaves
 * (what `npm run rebuild` writes). A spec then puts those rows back in the shape stored before its
 * migration, runs the migration and expects the followed rows again.
 */
export interface MigratedViews {
  readonly dataSource: DataSource;
  close(): Promise<void>;
}

export const migratedViews = async (name: string): Promise<MigratedViews> => {
  const database: FreshDatabase = await freshDatabase(name);
  const dataSource = new DataSource({ type: 'postgres', url: database.url, entities: [CaseView, TaskView] });
  await dataSource.initialize();
  const pool = new Pool({ connectionString: database.url, max: 2 });
  await migrateSchema({ pool, embedded: false, description: 'test', close: () => pool.end() }, 'workflow', WORKFLOW_MIGRATIONS);
  await pool.end();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
};

const steps = fc.array(fc.record({ kind: fc.nat(40), pick: fc.nat(29), minutesLater: fc.integer({ min: 0, max: 600 }) }), { minLength: 30, maxLength: 60 });

/** Sixty case histories (tasks asked, chained, accepted, returned, withdrawn, closed) as one log, the seed's. */
export const caseHistories = (seed: number): RecordedEvent[] => {
  const logs = fc.sample(steps, { numRuns: 60, seed }).map((tried) => {
    const world = new CaseWorld(randomUUID(), { priority: 'NORMAL', openedAt: new Date('2026-11-20T07:30:00.000Z') });
    for (const step of tried) world.take(step);
    // Some histories stop before the process manager caught up: tasks still open, ends not yet recorded.
    if (tried.length % 2 === 0) world.settle();
    return world.log;
  });
  // The fixtures name tasks <case>-task-<n>; the task view keys them by UUID, as the REST API gives them.
  const uuids = new Map<string, string>();
  const withUuids = (text: string) => text.replace(/[0-9a-f]{8}-task-\d+/g, (id) => uuids.get(id) ?? uuids.set(id, randomUUID()).get(id)!);
  return logs.flat().map((event, index) => ({
    ...event,
    streamId: withUuids(event.streamId),
    data: JSON.parse(withUuids(JSON.stringify(event.data))) as RecordedEvent['data'],
    position: BigInt(index + 1),
  }));
};

/** The case and task views as the runtime commits them: both projections over the log in one transaction. */
export const follow = (dataSource: DataSource, log: readonly RecordedEvent[]): Promise<void> =>
  dataSource.transaction(async (tx) => {
    await new CaseViewProjection().apply(log, tx);
    await new TaskViewProjection().apply(log, tx);
  });
