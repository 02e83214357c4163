import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { migrateSchema, type Database } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { PartyKinds } from './0006-party-kinds.migration';
import { DATA_MIGRATIONS } from './data.migrations';

/**
 * Migration 0006 on tasks stored before it, by the asker's id only: given a chain (the case's queue
 * asks a unit, the unit asks a partner, the partner asks another unit) and a case with one task,
 * each asker gets the kind CollaborationRequested v2 gives it.
 */
describe('migration 0006: who asked for a task, with its kind', () => {
  let database: FreshDatabase;
  let pool: Pool;
  const schemaOn = (): Database => ({ pool, embedded: false, description: 'test', close: () => Promise.resolve() });
  const chained = randomUUID();
  const single = randomUUID();

  beforeAll(async () => {
    database = await freshDatabase('migration_data_0006');
    pool = new Pool({ connectionString: database.url, max: 2 });
    await migrateSchema(schemaOn(), 'data', DATA_MIGRATIONS.filter((migration) => migration !== PartyKinds));
    const task = `insert into data.task_dim (task_id, case_id, from_unit, to_kind, to_id, region, calendar_id, requested_at, status)
                  values ($1, $2, $3, $4, $5, 'GD', 'cn-standard', '2026-11-30T02:00:00Z', 'REQUESTED')`;
    await pool.query(task, ['queue-asks-unit', chained, 'gd-billing', 'UNIT', 'gd-network']);
    await pool.query(task, ['unit-asks-partner', chained, 'gd-network', 'PARTNER', 'fiber-partner']);
    await pool.query(task, ['partner-asks-unit', chained, 'fiber-partner', 'UNIT', 'gd-field']);
    await pool.query(task, ['queue-asks-partner', single, 'gd-billing', 'PARTNER', 'fiber-partner']);
    expect(await migrateSchema(schemaOn(), 'data', DATA_MIGRATIONS)).toEqual(['PartyKinds1797206400000']);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("names the case's queue, a unit in a chain and a partner in a chain by their kinds", async () => {
    const { rows } = await pool.query<{ task_id: string; from_kind: string }>('select task_id, from_kind from data.task_dim');
    expect(Object.fromEntries(rows.map((row) => [row.task_id, row.from_kind]))).toEqual({
      'queue-asks-unit': 'QUEUE',
      'unit-asks-partner': 'UNIT',
      'partner-asks-unit': 'PARTNER',
      'queue-asks-partner': 'QUEUE',
    });
  });
});
