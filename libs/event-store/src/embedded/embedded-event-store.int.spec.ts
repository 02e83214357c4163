import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PostgresCheckpointStore } from '../postgres/postgres-checkpoint-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { eventStoreContract } from '../testing/event-store.contract';
import { openEmbeddedDatabase } from './open-embedded-database';

eventStoreContract('embedded PGlite', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'collab-contract-'));
  const database = await openEmbeddedDatabase({ dataDir });
  const store = new PostgresEventStore({ pool: database.pool, schema: 'intake', pollIntervalMs: 20 });
  await store.ensureSchema();
  const checkpoints = new PostgresCheckpointStore({ pool: database.pool, schema: 'intake' });
  return {
    store,
    checkpoints,
    dispose: async () => {
      await store.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});
