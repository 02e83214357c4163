export * from './event-store.port';
export * from './aggregate-streams';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory/in-memory-event-store';
export { InMemoryCheckpointStore } from './in-memory/in-memory-checkpoint-store';
