import type { PoolClient } from 'pg';
import { NO_STORED_EVENT_UPGRADES, PostgresEventStore, UpcastingEventStore } from '@collab/event-store';
import {
  PostgresLeases,
  RebuildRun,
  ShadowNames,
  ShadowTables,
  type PlainTransaction,
  type RebuildOutcome,
  type RebuildProgress,
} from '@collab/following';
import type { Database } from '../database';
import { migrateSchema, MIGRATION_XACT_LOCK } from '../migrations/schema-migrations';
import { findReadModel, type ServiceReadModels } from './read-models';
import { shadowDataSource } from './shadow-data-source';

export interface RebuildOptions {
  readonly database: Database;
  readonly service: ServiceReadModels;
  /** The read model as an operator names it (`case-view`), or its projection's full name. */
  readonly readModel: string;
  readonly progress: RebuildProgress;
  readonly signal: AbortSignal;
  readonly batchSize?: number;
  /** Called once the projection is known, before any work: what will be rebuilt. */
  readonly onStart?: (plan: RebuildPlan) => void;
}

export interface RebuildPlan {
  readonly projection: string;
  readonly tables: readonly string[];
  readonly lease: string;
  readonly head: bigint;
}

export interface RebuildReport extends RebuildOutcome {
  readonly projection: string;
  /** Rows of each rebuilt table after the swap. */
  readonly rows: ReadonlyMap<string, number>;
}

/** Another rebuild of the same service holds its shadow schema. */
export class RebuildRunning extends Error {
  override readonly name = 'RebuildRunning';
  constructor(service: string) {
    super(
      `another rebuild of ${service} is running (it holds the lock collab.rebuild.${service}); wait for it to end`,
    );
  }
}

/**
 * One rebuild at a time per service, on a session of its own that holds an advisory lock for the
 * whole run. Embedded, the data folder's lock already makes this the only process.
 */
const exclusively = async <T>(database: Database, service: string, work: () => Promise<T>): Promise<T> => {
  if (database.embedded) return work();
  const session = await database.pool.connect();
  const key = `hashtextextended('collab.rebuild.${service}', 0)`;
  try {
    const { rows } = await session.query<{ held: boolean }>(`SELECT pg_try_advisory_lock(${key}) AS held`);
    if (!rows[0]?.held) throw new RebuildRunning(service);
    try {
      return await work();
    } finally {
      await session.query(`SELECT pg_advisory_unlock(${key})`).catch(() => undefined);
    }
  } finally {
    session.release();
  }
};

/** The swap's transaction: no migration may run meanwhile (distributed; embedded nobody else can). */
const plainTransaction =
  (database: Database): PlainTransaction =>
  async (work) => {
    const client: PoolClient = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = '5s'`);
      if (!database.embedded) await client.query(MIGRATION_XACT_LOCK);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

/**
 * `npm run rebuild -- <service> <read-model>` (docs/adr/0011): brings the service's schema to its
 * newest version as a start would, then rebuilds the read model into shadow tables and swaps them
 * in under the service's projection lease. Works beside running services (distributed) and on an
 * embedded data folder no process has open.
 */
export const rebuildReadModel = async (options: RebuildOptions): Promise<RebuildReport> => {
  const { database, service, signal } = options;
  const projection = findReadModel(service, options.readModel);
  const stored = new PostgresEventStore({ pool: database.pool, schema: service.service });
  await stored.ensureSchema();
  const store = new UpcastingEventStore(stored, service.storedEvents ?? NO_STORED_EVENT_UPGRADES);
  await migrateSchema(database, service.service, service.migrations);
  const lease = `projections:${service.service}`;
  options.onStart?.({
    projection: projection.name,
    tables: projection.tables,
    lease,
    head: await store.headPosition(),
  });
  return exclusively(database, service.service, async () => {
    const names = new ShadowNames(projection.tables);
    const shadow = new ShadowTables(names);
    const shadowSource = await shadowDataSource(database.pool, names, service.entities);
    const leases = new PostgresLeases({ pool: database.pool, takeOver: true });
    try {
      const outcome = await new RebuildRun({
        source: store,
        projection,
        group: { home: service.service, lease },
        shadow,
        db: database.pool,
        shadowTransaction: shadowSource.transaction,
        plainTransaction: plainTransaction(database),
        leases,
        progress: options.progress,
        signal,
        ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      }).run();
      return { ...outcome, projection: projection.name, rows: await shadow.rowCounts(database.pool) };
    } finally {
      await leases.stop();
      await shadowSource.destroy();
      await store.close();
    }
  });
};
