import { eventStoreContract } from '../testing/event-store.contract';
import { dropSchema, randomSchema, testPool } from '../testing/postgres-test-database';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract('PostgreSQL', async () => {
  const pool = testPool();
  const schema = randomSchema();
  const store = new PostgresEventStore({ pool, schema, pollIntervalMs: 20 });
  await store.ensureSchema();
  const checkpoints = new PostgresCheckpointStore({ pool, schema });
  await checkpoints.ensureSchema();
  return {
    store,
    checkpoints,
    dispose: async () => {
      await store.close();
      await dropSchema(pool, schema);
      await pool.end();
    },
  };
});
