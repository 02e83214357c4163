export * from './event-store.port';
export * from './aggregate-streams';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory/in-memory-event-store';
export { InMemoryCheckpointStore } from './in-memory/in-memory-checkpoint-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export {
  PostgresCheckpointStore,
  type PostgresCheckpointStoreOptions,
} from './postgres/postgres-checkpoint-store';
export { DEFAULT_BATCH_LIMITS, type BatchLimits } from './postgres/batch-selection';
export { InvalidSchemaName, schemaName } from './postgres/sql-identifier';
export type { Queryable } from './postgres/queryable';
export { readingStreamsWithin } from './postgres/stream-reads-within';
export {
  DataDirLocked,
  openEmbeddedDatabase,
  type EmbeddedDatabase,
  type EmbeddedDatabaseOptions,
} from './embedded/open-embedded-database';
export { asNewJob, asOneJob, takingTurns, type TurnClock } from './embedded/connection-turns';
export { BorrowedPool, sharedPoolDriver, type SharedPoolDriver } from './embedded/shared-pool-driver';
// Types only: the adapter loads on connect, so processes on PostgreSQL or PGlite never load its client.
export type { EventStoreDbEventStore, EventStoreDbEventStoreOptions } from './eventstoredb/eventstoredb-event-store';
export type { EventStoreDbCheckpointStore } from './eventstoredb/eventstoredb-checkpoint-store';
export { connectEventStoreDb } from './eventstoredb/connect-eventstoredb';
export { loadPglite } from './embedded/pglite-loader';
export { WakeSignal } from './core/wake-signal';
export { commitChannel } from './postgres/postgres-schema';
export { StreamSnapshot, foldRecorded, type Folded } from './folds/stream-snapshot';
export { StreamFoldCache, type StreamEvent } from './folds/stream-fold-cache';
export { FoldFeed, pollingTail, type FedCache, type FoldFeedOptions, type LogTail } from './folds/fold-feed';
export * from './tracing/event-trace';
export { TracedEventStore } from './tracing/traced-event-store';
export { UpcastingEventStore } from './upcasting/upcasting-event-store';
export {
  NO_STORED_EVENT_UPGRADES,
  storedVersionOf,
  UpcasterChainBroken,
  type StoredEventUpcaster,
  type StoredEventVersions,
} from './upcasting/stored-event-versions';
