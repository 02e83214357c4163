import type { EventStoreDbEventStore } from './eventstoredb-event-store';

/**
 * Opens the EventStoreDB adapter, loading it (and EventStoreDB's gRPC client with its generated
 * protobuf code, ≈ 6 MB of heap) only in a process configured for EventStoreDB: a service on
 * PostgreSQL never needs it, and every module a service loads stays resident for its whole life.
 */
export const connectEventStoreDb = async (options: { connectionString: string; prefix: string }): Promise<EventStoreDbEventStore> => {
  const { EventStoreDbEventStore: Store } = await import('./eventstoredb-event-store');
  return Store.connect(options);
};
