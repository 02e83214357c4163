import { CaseCollaborationStatus } from './0007-case-collaboration-status.migration';
import { caseHistories, follow, migratedViews, type MigratedViews } from './testing/followed-task-views';

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
  let views: MigratedViews;

  beforeAll(async () => {
    views = await migratedViews('migration0007');
  });
  afterAll(() => views?.close());

  it('gives each link the status and task version that following the log gives', async () => {
    const { dataSource } = views;
    await follow(dataSource, caseHistories(20261207));
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
