import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { sharedPoolDriver } from '@collab/event-store';
import { followingTablesDdl } from '@collab/following';
import type { Database } from '../database';

/** A migration class as TypeORM takes it: `name` ends with the 13-digit timestamp that orders it. */
export type MigrationClass = new () => MigrationInterface;

/**
 * A migration that runs SQL statements, forward only. Its statements are written out in its own
 * file and never edited once released: a later change to a table is a later migration.
 */
export const sqlMigration = (name: string, statements: readonly string[]): MigrationClass => {
  if (!/\d{13}$/.test(name)) throw new Error(`migration ${name} must end with a 13-digit timestamp`);
  return class implements MigrationInterface {
    readonly name = name;
    async up(runner: QueryRunner): Promise<void> {
      for (const statement of statements) await runner.query(statement);
    }
    down(): Promise<void> {
      return Promise.reject(new Error(`${name} is forward only: restore a backup to go back`));
    }
  };
};

/**
 * The runtime's own tables in a schema: checkpoints, leases, dead letters, parked streams and the
 * consumers' inbox. Idempotent, so it adopts the tables an older version created without migrations.
 */
export const FollowingTables = (schema: string): MigrationClass =>
  sqlMigration('FollowingTables1793491200000', [
    ...followingTablesDdl(schema),
    `CREATE TABLE IF NOT EXISTS "${schema}".processed_events (
       consumer text NOT NULL, event_id text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer, event_id))`,
  ]);

/**
 * The role grants a service follows from workflow (FollowedRoleGrants, issue 13): every schema has
 * the table, as every schema has the inbox; a process hosting workflow leaves it empty.
 */
export const RoleGrantTables = (schema: string): MigrationClass =>
  sqlMigration('RoleGrantTables1797206400000', [
    `CREATE TABLE IF NOT EXISTS "${schema}".role_grant (
       user_id text NOT NULL, unit text NOT NULL, role text NOT NULL, PRIMARY KEY (user_id, unit, role))`,
  ]);

/** One lock for every schema's migrations: concurrent DDL on one database can collide in the catalog. */
const MIGRATION_LOCK = `SELECT pg_advisory_lock(hashtextextended('collab.migrations', 0))`;
const MIGRATION_UNLOCK = `SELECT pg_advisory_unlock(hashtextextended('collab.migrations', 0))`;
/** The same lock for the rest of a transaction (a rebuild's swap): no migration runs until it ends. */
export const MIGRATION_XACT_LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('collab.migrations', 0))`;

/**
 * Runs on a session of its own that holds the lock while TypeORM migrates through other pooled
 * connections. Embedded, the data folder's lock already makes this the only process, and its one
 * connection could not be held aside anyway.
 */
const underLock = async <T>(database: Database, work: () => Promise<T>): Promise<T> => {
  if (database.embedded) return work();
  const session = await database.pool.connect();
  try {
    await session.query(MIGRATION_LOCK);
    return await work();
  } finally {
    await session.query(MIGRATION_UNLOCK).catch(() => undefined);
    session.release();
  }
};

/**
 * Brings a service's schema to its newest version (DESIGN §3 "Rebuild": read-model tables change
 * only through versioned migrations, run under an advisory lock at start). The applied ones are
 * listed in `<schema>.migrations`; replicas starting at the same instant queue on the lock and find
 * the work done.
 */
export const migrateSchema = async (database: Database, schema: string, migrations: readonly MigrationClass[]): Promise<string[]> =>
  underLock(database, async () => {
    await database.pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const dataSource = new DataSource({
      type: 'postgres',
      driver: sharedPoolDriver(database.pool),
      schema,
      migrationsTableName: 'migrations',
      migrations: [FollowingTables(schema), RoleGrantTables(schema), ...migrations],
      migrationsTransactionMode: 'each',
      logging: false,
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  });
