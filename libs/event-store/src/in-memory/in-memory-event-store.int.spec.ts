import { eventStoreContract } from '../testing/event-store.contract';
import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';
import { InMemoryEventStore } from './in-memory-event-store';

eventStoreContract('in-memory', () => {
  const store = new InMemoryEventStore({ pollIntervalMs: 20 });
  return Promise.resolve({ store, checkpoints: new InMemoryCheckpointStore(), dispose: () => store.close() });
});
