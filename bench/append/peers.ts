import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import type { Pool } from 'pg';
import type { NewEvent } from '@collab/event-store';

/** One append of one event at the appender's own next version (0 = its stream is new). */
export type AppendOnce = (appender: number, version: number) => Promise<void>;

interface Row {
  readonly streamId: string;
  readonly version: number;
  readonly event: NewEvent;
  readonly done: { resolve(): void; reject(error: unknown): void };
}

/**
 * The multi-row INSERT peer: what group commit alone gives, with no version check and no
 * functions. Appends that arrive while a statement is in flight wait and go together in the next
 * one (one `INSERT … SELECT FROM unnest(…)`), as many statements in flight as the pool allows.
 */
export const multiRowInserter = (pool: Pool, schema: string, inFlightLimit: number): ((streamId: string, version: number, event: NewEvent) => Promise<void>) => {
  let queued: Row[] = [];
  let inFlight = 0;
  const flush = (): void => {
    if (inFlight >= inFlightLimit || queued.length === 0) return;
    const rows = queued;
    queued = [];
    inFlight += 1;
    pool
      .query(
        `INSERT INTO ${schema}.events (stream_id, stream_version, event_id, type, data, metadata)
         SELECT * FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])`,
        [
          rows.map((row) => row.streamId),
          rows.map((row) => row.version + 1),
          rows.map((row) => row.event.id),
          rows.map((row) => row.event.type),
          rows.map((row) => JSON.stringify(row.event.data)),
          rows.map((row) => JSON.stringify(row.event.metadata)),
        ],
      )
      .then(
        () => rows.forEach((row) => row.done.resolve()),
        (error: unknown) => rows.forEach((row) => row.done.reject(error)),
      )
      .finally(() => {
        inFlight -= 1;
        flush();
      });
  };
  return (streamId, version, event) =>
    new Promise<void>((resolve, reject) => {
      queued.push({ streamId, version, event, done: { resolve, reject } });
      flush();
    });
};

/** The Emmett PostgreSQL event store (its own tables, in the database it is given), appending with the exact expected version. */
export const emmettAppender = (connectionString: string) => {
  const store = getPostgreSQLEventStore(connectionString);
  return {
    append: async (streamId: string, version: number, event: NewEvent): Promise<void> => {
      await store.appendToStream(streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], { expectedStreamVersion: BigInt(version) });
    },
    close: () => store.close(),
  };
};
