import type { PoolClient } from 'pg';
import { readingStreamsWithin } from '@collab/event-store';
import type { BatchTransaction, TransactionBounds } from '@collab/following';
import type { Database } from '@collab/service-kit';

/**
 * A batch transaction for a process manager over workflow's log (ReactorSpec.batchTransaction):
 * the batch's reactions run in one transaction on a connection of the pool, with every stream read
 * of workflow's store sent to it (readingStreamsWithin), and the checkpoint commits with them — a
 * batch's reads cost one commit instead of one each. Appends still go through the pool (they take
 * the append lock). `around` runs the work in a context of the caller's (its own tables' statements
 * on the connection). Undefined embedded, where the one connection may not be held while the event
 * store appends through it (docs/adr/0002).
 */
export const streamReadingTransaction = (
  database: Database,
  around: <T>(client: PoolClient, work: () => Promise<T>) => Promise<T> = (_client, work) => work(),
): BatchTransaction | undefined => {
  if (database.embedded) return undefined;
  return async (work) => {
    const client = await database.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await readingStreamsWithin(database.pool, client, () => around(client, () => work(client)));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback as Error));
      throw error;
    } finally {
      // A connection that could not even roll back is not handed to the next caller.
      client.release(broken);
    }
  };
};

/**
 * How long such a transaction may grow: 50 reactions or 200 ms. It holds one pooled connection and
 * rows of the manager's own (its checkpoint, its board), nothing a request waits for, and each
 * reaction may wait for an append's group commit: at the default 50 ms a contact's events were
 * often split over two transactions on a busy machine.
 */
export const STREAM_READING_BOUNDS: TransactionBounds = { events: 50, ms: 200, now: () => performance.now() };
