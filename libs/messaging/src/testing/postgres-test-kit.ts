import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

// Integration tests use the machine's PostgreSQL, one random schema each: TEST_DATABASE_URL, the one variable every test reads (README).
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  readonly pool: Pool;
  readonly schema: string;
  drop(): Promise<void>;
}

/** A pool and a schema of its own; `max: 1` mirrors the embedded mode's single shared connection. */
export const testSchema = async (label: string, max = 1): Promise<TestSchema> => {
  const schema = `${label}_${randomBytes(5).toString('hex')}`;
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max });
  await pool.query(`CREATE SCHEMA ${schema}`);
  return {
    pool,
    schema,
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    },
  };
};
