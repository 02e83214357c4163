import { PartyKinds } from './0008-party-kinds.migration';
import { caseHistories, follow, migratedViews, type MigratedViews } from './testing/followed-task-views';

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
  let views: MigratedViews;

  beforeAll(async () => {
    views = await migratedViews('migration0008');
  });
  afterAll(() => views?.close());

  it('gives each link and task the kind of asker that following the log gives', async () => {
    const { dataSource } = views;
    await follow(dataSource, caseHistories(20261208));
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
