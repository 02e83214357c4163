import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryResult, QueryResultRow } from 'pg';
import type { Queryable } from './queryable';

interface Within {
  /** The pool of the stores whose stream reads go to `executor`: only they read from its database. */
  readonly pool: Queryable;
  readonly executor: Queryable;
}

const within = new AsyncLocalStorage<Within>();

/** Refuses queries once the work that was handed it has settled: its transaction may be over, its connection another's. */
class WhileWorking implements Queryable {
  open = true;

  constructor(private readonly executor: Queryable) {}

  query<Row extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<Row>> {
    if (!this.open) return Promise.reject(new Error('stream read after the transaction it was given ended'));
    return this.executor.query<Row>(text, values);
  }
}

/**
 * Runs `work` with the stream reads (readStream, readStreams) of every PostgresEventStore on `pool`
 * sent to `executor`, a transaction the caller holds on a connection of that pool: a reactor
 * whose batch shares one transaction reads its streams in it, so the reads are statements of that
 * one commit instead of one autocommit transaction each. Each read is still a statement of its own,
 * so under READ COMMITTED it sees everything committed before it, as a read through the pool would.
 * Appends, the log's reads and the checks behind a failed append still go through the pool: they
 * take the append lock or must not wait on the caller's transaction.
 */
export const readingStreamsWithin = async <T>(pool: Queryable, executor: Queryable, work: () => Promise<T>): Promise<T> => {
  const scoped = new WhileWorking(executor);
  try {
    return await within.run({ pool, executor: scoped }, work);
  } finally {
    scoped.open = false;
  }
};

/** Where a store on `pool` sends a stream read now: the caller's transaction (readingStreamsWithin), else the pool. */
export const streamReaderOf = (pool: Queryable): Queryable => {
  const current = within.getStore();
  return current?.pool === pool ? current.executor : pool;
};
