import type { Pool, PoolClient } from 'pg';
import type { ServiceContract, ServiceName } from '@collab/contracts';
import { NO_STORED_EVENT_UPGRADES, PostgresEventStore, UpcastingEventStore, type EventStore, type StoredEventVersions } from '@collab/event-store';
import { ShadowNames, ShadowTables, Stopped, type RebuildProgress, type SqlExecutor } from '@collab/following';
import { toCollabEvent } from '@collab/messaging';
import type { Database } from '../database';
import { migrateSchema, MIGRATION_XACT_LOCK } from '../migrations/schema-migrations';
import type { FollowedReadModel, FollowedSource, ServiceReadModels } from './read-models';

/** Where a source service's log is read from: its contract (what it publishes), its stored versions, its database. */
export interface SourceLog {
  readonly contract: ServiceContract;
  readonly storedEvents?: StoredEventVersions;
  /** The database holding the source's schema; the rebuild's own when absent (embedded, or one server for all). */
  readonly pool?: Pool;
}

export interface FollowedRebuildOptions {
  readonly database: Database;
  readonly service: ServiceReadModels;
  readonly readModel: FollowedReadModel;
  readonly logs: (service: ServiceName) => SourceLog;
  readonly progress: RebuildProgress;
  readonly signal: AbortSignal;
  readonly batchSize?: number;
  readonly onStart?: (plan: { readonly tables: readonly string[]; readonly heads: ReadonlyMap<ServiceName, bigint> }) => void;
}

export interface FollowedRebuildReport {
  /** Per source log, where the rebuilt tables got. */
  readonly positions: ReadonlyMap<ServiceName, bigint>;
  readonly read: number;
  readonly applied: number;
  readonly rows: ReadonlyMap<string, number>;
}

interface OpenSource {
  readonly definition: FollowedSource;
  readonly contract: ServiceContract;
  readonly store: EventStore;
  position: bigint;
  head: bigint;
}

const renaming = (names: ShadowNames, sql: SqlExecutor): SqlExecutor => ({ query: (text, params) => sql.query(names.rewrite(text), params) });

/** `work` in one transaction on a connection of its own. */
const inTransaction = async <T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
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
 * `npm run rebuild -- data facts`: a read model the service's consumers keep from other services'
 * published events, rebuilt from those services' logs — in the embedded platform the logs in the
 * same data folder, distributed the source services' stores (their own database where given).
 * Every published event goes through the live consumer's effect, log after log, into shadow
 * tables; then, with the live tables locked against the consumers' writes, what the logs gained
 * meanwhile is applied and the shadows are swapped in, in one transaction. The consumers' inbox
 * stays as it is: an event they apply again after the swap changes nothing (the effects are
 * idempotent), and one they never saw is applied as it arrives.
 */
export const rebuildFollowedReadModel = async (options: FollowedRebuildOptions): Promise<FollowedRebuildReport> => {
  const { database, readModel, progress, signal } = options;
  await migrateSchema(database, options.service.service, options.service.migrations);
  const sources: OpenSource[] = readModel.sources.map((definition) => {
    const log = options.logs(definition.source);
    const stored = new PostgresEventStore({ pool: log.pool ?? database.pool, schema: definition.source });
    return { definition, contract: log.contract, store: new UpcastingEventStore(stored, log.storedEvents ?? NO_STORED_EVENT_UPGRADES), position: 0n, head: 0n };
  });
  for (const source of sources) source.head = await source.store.headPosition();
  options.onStart?.({ tables: readModel.tables, heads: new Map(sources.map((source) => [source.definition.source, source.head])) });
  const names = new ShadowNames(readModel.tables);
  const shadow = new ShadowTables(names);
  const counts = { read: 0, applied: 0 };
  const total = () => sources.reduce((sum, source) => sum + source.head, 0n);
  const done = () => sources.reduce((sum, source) => sum + source.position, 0n);
  const catchUp = async (source: OpenSource, apply: (work: (tx: SqlExecutor) => Promise<void>) => Promise<void>): Promise<void> => {
    for (let batches = 0; ; batches += 1) {
      if (signal.aborted) throw new Stopped('the rebuild was interrupted');
      const events = await source.store.readAll({ after: source.position, maxCount: options.batchSize ?? 5_000 });
      if (events.length === 0) return;
      const published = events.filter((event) => source.contract.publishes.includes(event.type)).map((event) => toCollabEvent(source.contract, event));
      const effects = published.flatMap((event) => source.definition.effect(event) ?? []);
      await apply(async (tx) => { for (const effect of effects) await effect(tx); });
      [counts.read, counts.applied] = [counts.read + events.length, counts.applied + effects.length];
      source.position = events[events.length - 1]!.position;
      if (source.position > source.head) source.head = source.position;
      progress.advanced(done(), total());
    }
  };
  try {
    await progress.phase('preparing');
    await shadow.create(database.pool);
    await progress.phase('catching-up');
    for (const source of sources) await catchUp(source, (work) => inTransaction(database.pool, (client) => work(renaming(names, client))));
    await progress.phase('indexing');
    await shadow.complete(database.pool);
    await progress.phase('final-catch-up');
    await inTransaction(database.pool, async (client) => {
      if (!database.embedded) {
        await client.query(MIGRATION_XACT_LOCK);
        // The live consumers wait here until the swap; what the logs gained meanwhile goes into the shadows first.
        await client.query(`LOCK TABLE ${readModel.tables.join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
        // Embedded, the data folder's lock keeps every writer away, and the one connection is this one.
        for (const source of sources) await catchUp(source, (work) => work(renaming(names, client)));
      }
      await progress.phase('swapping');
      await shadow.swap(client);
    });
    await progress.phase('swapped');
    return { positions: new Map(sources.map((source) => [source.definition.source, source.position])), ...counts, rows: await shadow.rowCounts(database.pool) };
  } catch (error) {
    await shadow.drop(database.pool).catch(() => undefined);
    throw error;
  } finally {
    for (const source of sources) await source.store.close();
  }
};
