import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource, EntitySchema } from 'typeorm';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { aStreamId, events } from '../testing/fixtures';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './open-embedded-database';
import { sharedPoolDriver } from './shared-pool-driver';

interface CaseRow {
  id: string;
  status: string;
}

const CaseRows = new EntitySchema<CaseRow>({
  name: 'CaseRow',
  tableName: 'case_rows',
  schema: 'workflow',
  columns: { id: { type: 'text', primary: true }, status: { type: 'text' } },
});

describe('TypeORM on the embedded database through the shared pool', () => {
  let dataDir: string;
  let database: EmbeddedDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'collab-typeorm-'));
    database = await openEmbeddedDatabase({ dataDir });
    await database.pool.query(
      'CREATE SCHEMA workflow; CREATE TABLE workflow.case_rows (id text PRIMARY KEY, status text NOT NULL)',
    );
    dataSource = new DataSource({
      type: 'postgres',
      driver: sharedPoolDriver(database.pool),
      entities: [CaseRows],
    });
    await dataSource.initialize();
  }, 60_000);

  afterAll(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given the shared pool, when TypeORM queries, then it runs on the one PGlite connection', async () => {
    const [row] = await dataSource.query<{ answer: number }[]>('SELECT 6 * 7 AS answer');
    expect(row?.answer).toBe(42);
    expect(database.pool.totalCount).toBe(1);
  });

  it('given a transaction that commits and one that throws, then only the first is kept', async () => {
    await dataSource.transaction(async (tx) => {
      await tx.getRepository(CaseRows).insert({ id: 'case-1', status: 'OPENED' });
      await tx.getRepository(CaseRows).update({ id: 'case-1' }, { status: 'ASSIGNED' });
    });
    const failing = dataSource.transaction(async (tx) => {
      await tx.getRepository(CaseRows).insert({ id: 'case-2', status: 'OPENED' });
      throw new Error('decided to roll back');
    });
    await expect(failing).rejects.toThrow('decided to roll back');
    expect(await dataSource.getRepository(CaseRows).find({ order: { id: 'ASC' } })).toEqual([
      { id: 'case-1', status: 'ASSIGNED' },
    ]);
  });

  it('given event store appends and TypeORM transactions at once, then both finish (the single connection is never held while waiting)', async () => {
    const store = new PostgresEventStore({ pool: database.pool, schema: 'intake' });
    await store.ensureSchema();
    const appends = Array.from({ length: 20 }, () => store.append(aStreamId(), events(2), 'no_stream'));
    const transactions = Array.from({ length: 5 }, (_, index) =>
      dataSource.transaction((tx) =>
        tx.getRepository(CaseRows).insert({ id: `case-tx-${index}`, status: 'OPENED' }),
      ),
    );
    await Promise.all([...appends, ...transactions]);
    expect(await dataSource.getRepository(CaseRows).count()).toBe(6);
    expect(await store.headPosition()).toBe(40n);
    await store.close();
  });

  it('given the DataSource destroyed, then the shared pool keeps serving the event store', async () => {
    await dataSource.destroy();
    const { rows } = await database.pool.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows).toEqual([{ ok: 1 }]);
  });
});
