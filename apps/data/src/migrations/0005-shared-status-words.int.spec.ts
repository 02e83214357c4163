import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { migrateSchema, type Database } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { SharedStatusWords } from './0005-shared-status-words.migration';
import { DATA_MIGRATIONS } from './data.migrations';

/** Migration 0005 on rows the fact store stored in its own words before it. */
describe('migration 0005: the fact store’s statuses in the shared words', () => {
  let database: FreshDatabase;
  let pool: Pool;
  const schemaOn = (): Database => ({ pool, embedded: false, description: 'test', close: () => Promise.resolve() });
  const ids = { registered: randomUUID(), acknowledged: randomUUID(), intakeOnly: randomUUID(), reopened: randomUUID(), queued: randomUUID() };
  const openedAt = new Date('2026-11-30T02:00:00.000Z');
  const acknowledgedAt = new Date('2026-11-30T02:01:00.000Z');

  beforeAll(async () => {
    database = await freshDatabase('migration_data_0005');
    pool = new Pool({ connectionString: database.url, max: 2 });
    await migrateSchema(schemaOn(), 'data', DATA_MIGRATIONS.filter((migration) => migration !== SharedStatusWords));
    const caseRow = 'insert into data.case_dim (case_id, opened_at, status, status_at) values ($1, $2, $3, $4)';
    await pool.query(caseRow, [ids.registered, openedAt, 'OPEN', openedAt]);
    await pool.query(caseRow, [ids.acknowledged, openedAt, 'OPEN', openedAt]);
    await pool.query(caseRow, [ids.intakeOnly, openedAt, null, null]);
    await pool.query(caseRow, [ids.reopened, openedAt, 'REOPENED', acknowledgedAt]);
    await pool.query(caseRow, [ids.queued, openedAt, 'QUEUED', openedAt]);
    await pool.query(`insert into data.fact (event_id, source, kind, at, case_id) values ($1, 'intake', 'CASE_ACKNOWLEDGED', $2, $3)`, [randomUUID(), acknowledgedAt, ids.acknowledged]);
    const taskRow = `insert into data.task_dim (task_id, case_id, from_unit, to_kind, to_id, region, calendar_id, requested_at, status)
                     values ($1, $2, 'gd-billing', 'UNIT', 'gd-network', 'GD', 'cn-standard', $3, $4)`;
    await pool.query(taskRow, ['accepted', ids.queued, openedAt, 'REQUESTED']);
    await pool.query(taskRow, ['requested', ids.queued, openedAt, 'REQUESTED']);
    await pool.query(taskRow, ['completed', ids.queued, openedAt, 'COMPLETED']);
    await pool.query(`insert into data.fact (event_id, source, kind, at, case_id, task_id) values ($1, 'workflow', 'TASK_ACCEPTED', $2, $3, 'accepted')`, [randomUUID(), acknowledgedAt, ids.queued]);
    expect(await migrateSchema(schemaOn(), 'data', DATA_MIGRATIONS)).toEqual(['SharedStatusWords1797120000000']);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('shows a case not yet routed in intake’s word, as of the step that gave it', async () => {
    const { rows } = await pool.query<{ case_id: string; status: string; status_at: Date }>('select case_id, status, status_at from data.case_dim');
    const statusOf = (caseId: string) => rows.find((row) => row.case_id === caseId);
    expect(statusOf(ids.registered)).toMatchObject({ status: 'OPENED', status_at: openedAt });
    expect(statusOf(ids.acknowledged)).toMatchObject({ status: 'ACKNOWLEDGED', status_at: acknowledgedAt });
    expect(statusOf(ids.intakeOnly)).toMatchObject({ status: 'OPENED', status_at: openedAt });
  });

  it('gives a reopened case back to its owner and leaves workflow’s words alone', async () => {
    const { rows } = await pool.query<{ case_id: string; status: string }>('select case_id, status from data.case_dim where case_id = any($1::uuid[])', [[ids.reopened, ids.queued]]);
    expect(Object.fromEntries(rows.map((row) => [row.case_id, row.status]))).toEqual({ [ids.reopened]: 'ASSIGNED', [ids.queued]: 'QUEUED' });
  });

  it('shows a task accepted as ACCEPTED', async () => {
    const { rows } = await pool.query<{ task_id: string; status: string }>('select task_id, status from data.task_dim');
    expect(Object.fromEntries(rows.map((row) => [row.task_id, row.status]))).toEqual({ accepted: 'ACCEPTED', requested: 'REQUESTED', completed: 'COMPLETED' });
  });
});
