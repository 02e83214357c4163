import { randomBytes } from 'node:crypto';
import { Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';
import { PostgresEventStore, type Queryable } from '@collab/event-store';
import { followingTablesDdl } from '../following-tables';
import type { Transactor } from '../handlers/projection-group';
import type { SqlExecutor } from '../sql';

/** The integration PostgreSQL: TEST_DATABASE_URL, the one variable every test reads (README). */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface FollowingSchema {
  readonly schema: string;
  readonly admin: Pool;
  readonly store: PostgresEventStore;
  drop(): Promise<void>;
}

/** A schema of its own with an event store and the runtime's tables, as a service's migrations leave them. */
export const followingSchema = async (label: string): Promise<FollowingSchema> => {
  const schema = `${label}_${randomBytes(5).toString('hex')}`;
  const admin = new Pool({ connectionString: TEST_DATABASE_URL, max: 8 });
  for (const ddl of followingTablesDdl(schema)) await admin.query(ddl);
  const store = new PostgresEventStore({ pool: admin, schema, pollIntervalMs: 20 });
  await store.ensureSchema();
  return {
    schema,
    admin,
    store,
    drop: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
};

/**
 * A replica's own connections, which a test can cut as a network partition or a frozen process
 * would: every query fails fast while cut, and works again when mended.
 */
export class CuttablePool implements Queryable {
  readonly pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 4 });
  private cut = false;

  sever(): void {
    this.cut = true;
  }

  mend(): void {
    this.cut = false;
  }

  query<Row extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<Row>> {
    if (this.cut) return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    return this.pool.query<Row>(text, values);
  }

  /** One transaction on one connection; the work sees only that connection. */
  readonly transaction: Transactor<SqlExecutor> = async (work) => {
    if (this.cut) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client, client);
      if (this.cut) throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  end(): Promise<void> {
    return this.pool.end();
  }
}
