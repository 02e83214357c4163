import { randomBytes } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';

/** The integration PostgreSQL (trust auth); override with TEST_DATABASE_URL. */
export const testDatabaseConfig = (max = 4): PoolConfig =>
  process.env['TEST_DATABASE_URL']
    ? { connectionString: process.env['TEST_DATABASE_URL'], max }
    : { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test', max };

export const testPool = (max = 4): Pool => new Pool(testDatabaseConfig(max));

/** A schema name nobody else uses, so parallel test runs never see each other's events. */
export const randomSchema = (prefix = 'es_test'): string => `${prefix}_${randomBytes(6).toString('hex')}`;

export const dropSchema = async (pool: Pool, schema: string): Promise<void> => {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
};
