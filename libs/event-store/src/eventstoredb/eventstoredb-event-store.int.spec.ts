import { randomBytes } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { eventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbCheckpointStore } from './eventstoredb-checkpoint-store';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const connectionString = process.env['EVENTSTORE_CONNECTION_STRING'];

if (connectionString) {
  // ESDB cannot drop data: each run writes under its own prefix and leaves it behind.
  eventStoreContract(
    'EventStoreDB',
    () => {
      const client = EventStoreDBClient.connectionString(connectionString);
      const prefix = `t${randomBytes(6).toString('hex')}`;
      const store = new EventStoreDbEventStore({ client, prefix });
      const checkpoints = new EventStoreDbCheckpointStore(client, prefix);
      return Promise.resolve({
        store,
        checkpoints,
        dispose: async () => {
          await store.close();
          await client.dispose();
        },
      });
    },
    { detectsIdReuseAcrossStreams: false },
  );
} else {
  console.info(
    'EventStoreDB contract not run: EVENTSTORE_CONNECTION_STRING is not set ' +
      '(e.g. esdb://localhost:2113?tls=false to run it against a local EventStoreDB/KurrentDB).',
  );
  describe('EventStoreDB event store (contract)', () => {
    it('runs only when EVENTSTORE_CONNECTION_STRING names a server, and none is named here', () => {
      expect(process.env['EVENTSTORE_CONNECTION_STRING']).toBeUndefined();
    });
  });
}
