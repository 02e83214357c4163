import { randomBytes } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';

/** The integration PostgreSQL: TEST_DATABASE_URL, the one variable every test reads (README). */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export const testDatabaseConfig = (max = 4): PoolConfig => ({ connectionString: TEST_DATABASE_URL, max });

export const testPool = (max = 4): Pool => new Pool(testDatabaseConfig(max));

/** A schema name nobody else uses, so parallel test runs never see each other's events. */
export const randomSchema = (prefix = 'es_test'): string => `${prefix}_${randomBytes(6).toString('hex')}`;

export const dropSchema = async (pool: Pool, schema: string): Promise<void> => {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
};
