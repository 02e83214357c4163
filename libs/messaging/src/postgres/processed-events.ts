import { AsyncLocalStorage } from 'node:async_hooks';
import { quoteSchema, rowsOf, type PooledConnection, type SqlExecutor, type TransactionalPool } from './sql';

/** The transaction a batch of handlings shares (see `batchTransactionOn`), and what waits for its commit. */
interface SharedBatch {
  readonly tx: SqlExecutor;
  readonly committing: ((tx: SqlExecutor) => Promise<void>)[];
  readonly committed: (() => void)[];
}

const sharedBatch = new AsyncLocalStorage<SharedBatch>();

/**
 * Runs `work` as one transaction on a connection of `pool`; every `runOnce` inside it joins that
 * transaction instead of opening its own, so a batch of events handled by a consumer costs one
 * commit (with the follower's checkpoint), not one per event. The transaction begins at the first
 * statement: a batch whose handlers wrote nothing (events they pass over) costs no transaction.
 * Only for handlers that write through runOnce's executor alone: embedded, the pool is one
 * connection, which the batch holds once it began. Work given to `beforeCommit` meanwhile runs in
 * the transaction, in order, just before it commits (a handler's writes gathered over the batch);
 * callbacks given to `afterCommit` once the commit succeeded.
 */
export const batchTransactionOn =
  (pool: TransactionalPool) =>
  async <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => {
    const lazy = new LazyTransaction(pool);
    const scoped = new ScopedExecutor(lazy);
    const batch: SharedBatch = { tx: scoped, committing: [], committed: [] };
    try {
      const result = await sharedBatch.run(batch, () => work(scoped));
      for (const finish of batch.committing) await finish(scoped);
      scoped.close();
      await lazy.commit();
      for (const callback of batch.committed) callback();
      return result;
    } catch (error) {
      scoped.close();
      await lazy.rollback();
      throw error;
    }
  };

/** A transaction that takes its connection and begins at its first statement; none at all if nothing is asked of it. */
class LazyTransaction implements SqlExecutor {
  private began: Promise<PooledConnection> | undefined;

  constructor(private readonly pool: TransactionalPool) {}

  async query(sql: string, params?: unknown[]): Promise<unknown> {
    const connection = await (this.began ??= this.begin());
    return connection.query(sql, params);
  }

  private async begin(): Promise<PooledConnection> {
    const connection = await this.pool.connect();
    try {
      await connection.query('BEGIN');
      return connection;
    } catch (error) {
      connection.release(error as Error);
      throw error;
    }
  }

  async commit(): Promise<void> {
    const began = this.began;
    if (!began) return;
    const connection = await began;
    try {
      await connection.query('COMMIT');
    } catch (error) {
      await this.end(connection);
      throw error;
    }
    connection.release(false);
  }

  async rollback(): Promise<void> {
    const connection = await this.began?.catch(() => undefined);
    if (connection) await this.end(connection);
  }

  /** Rolls back; a connection that could not even roll back is not handed to the next caller. */
  private async end(connection: PooledConnection): Promise<void> {
    let broken: Error | undefined;
    await connection.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback as Error));
    connection.release(broken ?? false);
  }
}

/**
 * Inside a shared batch (see `batchTransactionOn`): runs `finish` in the batch's transaction after the
 * batch's last handling and before its commit, so a handler can gather its writes over the batch and
 * make them in a few statements; a failure rolls the whole batch back. Answers false, doing nothing,
 * when there is no shared batch: the caller then finishes in its own transaction itself.
 */
export const beforeCommit = (finish: (tx: SqlExecutor) => Promise<void>): boolean => {
  const batch = sharedBatch.getStore();
  if (batch) batch.committing.push(finish);
  return batch !== undefined;
};

/**
 * The executor of the shared batch the caller runs in (see `batchTransactionOn`), or undefined
 * outside one: what a handler that gathers its whole batch (its inbox rows too) keys that batch by.
 */
export const sharedBatchExecutor = (): SqlExecutor | undefined => sharedBatch.getStore()?.tx;

/** Runs `callback` once what the caller wrote is committed: at once, or after the shared batch's commit. */
export const afterCommit = (callback: () => void): void => {
  const batch = sharedBatch.getStore();
  if (batch) batch.committed.push(callback);
  else callback();
};

export interface ProcessedEventsOptions {
  /** The consuming service's own schema; the ledger lives next to its read models. */
  readonly schema: string;
}

/**
 * The inbox: which events a consumer has already applied, so redelivery (Kafka and the log-fed
 * transport are both at least once) changes a read model once. The ledger row and the read-model
 * change must commit in ONE transaction, or a crash between them loses or repeats the effect.
 *
 * Embedded mode runs every statement on one shared connection (pool max 1). A handler that opens a
 * transaction and then awaits a query through the pool waits for the connection it holds itself:
 * a deadlock. Hence `runOnce`: it takes the pool, opens the transaction, and hands the effect only
 * the transaction's executor, valid until the effect settles. Everything the effect reads or
 * writes must go through that executor. Use `processOnce` directly only inside a transaction
 * you manage the same way (e.g. TypeORM `dataSource.transaction(manager => ...)` passing `manager`).
 */
export class ProcessedEvents {
  private readonly table: string;

  constructor(private readonly options: ProcessedEventsOptions) {
    this.table = `${quoteSchema(options.schema)}.processed_events`;
  }

  async ensureSchema(db: SqlExecutor): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS ${quoteSchema(this.options.schema)}`);
    await db.query(
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         consumer text NOT NULL,
         event_id text NOT NULL,
         processed_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (consumer, event_id)
       )`,
    );
  }

  /**
   * Records the event as processed by this consumer inside the caller's transaction; true the
   * first time, false for a redelivery (then skip the effect). Rolled back with the transaction.
   */
  async processOnce(tx: SqlExecutor, consumerName: string, eventId: string): Promise<boolean> {
    const result = await tx.query(
      `INSERT INTO ${this.table} (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumerName, eventId],
    );
    return rowsOf(result).length === 1;
  }

  /**
   * Records a batch of events as processed inside the caller's transaction, in one statement:
   * answers the keys recorded now, so the ones to apply. A key met before (an earlier batch, or
   * twice in this one) is answered at most once. Keys are inserted in sorted order, so two replicas
   * recording overlapping batches wait on each other in one direction only.
   */
  async processAll(tx: SqlExecutor, keys: readonly InboxKey[]): Promise<Set<string>> {
    const fresh = new Set<string>();
    if (keys.length === 0) return fresh;
    const distinct = new Map(keys.map((key) => [inboxKeyOf(key), key]));
    const sorted = [...distinct.keys()].sort().map((id) => distinct.get(id)!);
    const rows = rowsOf(
      await tx.query(
        `INSERT INTO ${this.table} (consumer, event_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING consumer, event_id`,
        [sorted.map((key) => key.consumerName), sorted.map((key) => key.eventId)],
      ),
    ) as readonly { consumer: string; event_id: string }[];
    for (const row of rows) fresh.add(inboxKeyOf({ consumerName: row.consumer, eventId: row.event_id }));
    return fresh;
  }

  /**
   * Applies `effect` at most once per (consumer, event): one transaction holds the ledger insert
   * and the effect. Resolves true when the effect ran, false for a redelivery. A throwing effect
   * rolls both back, so the consumer's retry sees the event as new. Inside `batchTransactionOn`'s
   * work it joins the batch's transaction (the effect is then committed, or rolled back, with the batch).
   */
  async runOnce(pool: TransactionalPool, key: InboxKey, effect: (tx: SqlExecutor) => Promise<void>): Promise<boolean> {
    const batch = sharedBatch.getStore();
    if (batch) {
      const first = await this.processOnce(batch.tx, key.consumerName, key.eventId);
      if (first) await effect(batch.tx);
      return first;
    }
    const connection = await pool.connect();
    const scoped = new ScopedExecutor(connection);
    try {
      await connection.query('BEGIN');
      const first = await this.processOnce(scoped, key.consumerName, key.eventId);
      if (first) await effect(scoped);
      await connection.query('COMMIT');
      return first;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      scoped.close();
      connection.release();
    }
  }
}

export interface InboxKey {
  readonly consumerName: string;
  readonly eventId: string;
}

/** One string per inbox key, as `processAll` answers them. */
export const inboxKeyOf = ({ consumerName, eventId }: InboxKey): string => `${consumerName}\u0000${eventId}`;

/** Refuses queries once its transaction is over, so a leaked executor fails loudly instead of running outside it. */
class ScopedExecutor implements SqlExecutor {
  private open = true;

  constructor(private readonly connection: SqlExecutor) {}

  query(sql: string, params?: unknown[]): Promise<unknown> {
    if (!this.open) return Promise.reject(new Error('this transaction is over; use the executor only inside runOnce'));
    return this.connection.query(sql, params);
  }

  close(): void {
    this.open = false;
  }
}
