import { InMemoryCheckpointStore } from '../in-memory/in-memory-checkpoint-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { eventStoreContract } from '../testing/event-store.contract';
import { TracedEventStore } from './traced-event-store';

// With tracing off (no SDK) the decorator every service appends through is the store it wraps.
eventStoreContract('traced in-memory, tracing off,', () => {
  const store = new TracedEventStore(new InMemoryEventStore({ pollIntervalMs: 20 }), 'test');
  return Promise.resolve({ store, checkpoints: new InMemoryCheckpointStore(), dispose: () => store.close() });
});
