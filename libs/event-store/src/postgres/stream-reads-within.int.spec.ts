import type { Pool, PoolClient } from 'pg';
import { aStreamId, events } from '../testing/fixtures';
import { dropSchema, randomSchema, testPool } from '../testing/postgres-test-database';
import { PostgresEventStore } from './postgres-event-store';
import { readingStreamsWithin } from './stream-reads-within';

describe('stream reads within a caller’s transaction', () => {
  const schema = randomSchema('es_within');
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = testPool(4);
    store = new PostgresEventStore({ pool, schema, pollIntervalMs: 20 });
    await store.ensureSchema();
  });

  afterAll(async () => {
    await store.close();
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('reads streams on the transaction’s connection, seeing what was appended through the pool meanwhile', async () => {
    // Given a stream with one event, and a transaction held on a connection of the store's pool
    const streamId = aStreamId('within');
    await store.append(streamId, events(1), 'no_stream');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const seen: string[] = [];
      const watched = { query: (text: string, values?: unknown[]) => (seen.push(text), client.query(text, values)) } as unknown as PoolClient;

      // When the work reads the stream, appends to it through the pool, and reads it again
      const [before, after, both] = await readingStreamsWithin(pool, watched, async () => {
        const first = await store.readStream(streamId);
        await store.append(streamId, events(1), 1);
        return [first, await store.readStream(streamId), await store.readStreams([streamId])] as const;
      });
      await client.query('COMMIT');

      // Then every read ran in the transaction, and the second saw the append committed meanwhile
      expect(seen).toHaveLength(3);
      expect(before).toHaveLength(1);
      expect(after).toHaveLength(2);
      expect(both.get(streamId)).toHaveLength(2);
    } finally {
      client.release();
    }
  });

  it('leaves other pools’ stores, and reads after the work settled, out of the transaction', async () => {
    // Given a store on another pool of the same database, and a transaction on this pool
    const otherPool = testPool(1);
    const other = new PostgresEventStore({ pool: otherPool, schema, pollIntervalMs: 20 });
    const streamId = aStreamId('other');
    await store.append(streamId, events(1), 'no_stream');
    const client = await pool.connect();
    const used: string[] = [];
    const watched = { query: (text: string, values?: unknown[]) => (used.push(text), client.query(text, values)) } as unknown as PoolClient;
    let late: Promise<unknown> | undefined;
    try {
      // When the work reads through the other store, and leaves a read behind that runs once it settled
      await readingStreamsWithin(pool, watched, async () => {
        await other.readStream(streamId);
        late = new Promise((resolve) => setTimeout(resolve, 20)).then(() => store.readStream(streamId));
      });

      // Then the other store read through its own pool, and the late read is refused rather than run on a connection no longer the work's
      expect(used).toHaveLength(0);
      await expect(late).rejects.toThrow('stream read after the transaction it was given ended');
    } finally {
      client.release();
      await other.close();
      await otherPool.end();
    }
  });
});
