import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { workflowReadModels } from '@collab/workflow';
import { caseLog, directoryLog, type LogRow } from './workflow-history';

/** Rows per INSERT: one statement carries this many events (arrays through unnest). */
const INSERT_ROWS = 5_000;
/** Cases generated and interleaved at a time: their events are ordered by time, as a busy log is. */
const CASES_AT_ONCE = 2_000;
const FIRST_CASE_AT = Date.parse('2026-11-02T01:00:00.000Z');

/** The version an append stamps on an event's metadata (UpcastingEventStore): the current one of its type. */
const schemaVersionOf = (type: string): number => workflowReadModels.storedEvents?.current[type] ?? 1;

const insert = async (pool: Pool, rows: readonly LogRow[]): Promise<void> => {
  for (let start = 0; start < rows.length; start += INSERT_ROWS) {
    const chunk = rows.slice(start, start + INSERT_ROWS);
    await pool.query(
      `INSERT INTO workflow.events (stream_id, stream_version, event_id, type, data, metadata, recorded_at)
       SELECT s, v, i, t, d::jsonb, m::jsonb, r
         FROM unnest($1::text[], $2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) WITH ORDINALITY AS e(s, v, i, t, d, m, r, n)
        ORDER BY n`,
      [
        chunk.map((row) => row.streamId),
        chunk.map((row) => row.streamVersion),
        chunk.map(() => randomUUID()),
        chunk.map((row) => row.type),
        chunk.map((row) => JSON.stringify(row.data)),
        chunk.map((row) => JSON.stringify({ ...row.metadata, schemaVersion: schemaVersionOf(row.type) })),
        chunk.map((row) => row.recordedAt.toISOString()),
      ],
    );
  }
};

/**
 * Adds `count` cases (numbered from `from`, so a later call continues the history) to a workflow
 * log that already holds its directory, e.g. one the service itself started: only case and task
 * streams of their own, interleaved in time, in multi-row inserts. Answers the events inserted.
 */
export const insertWorkflowCases = async (pool: Pool, from: number, count: number): Promise<number> => {
  let inserted = 0;
  for (let next = from; next < from + count; next += CASES_AT_ONCE) {
    const rows: LogRow[] = [];
    for (let n = next; n < Math.min(next + CASES_AT_ONCE, from + count); n += 1) rows.push(...caseLog(n, new Date(FIRST_CASE_AT + n * 45_000)));
    rows.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    await insert(pool, rows);
    inserted += rows.length;
  }
  return inserted;
};

/**
 * Fills a fresh database's workflow.events with at least `events` events of a realistic history:
 * the default directory, then cases a few minutes apart whose events interleave in time order.
 * Direct multi-row inserts, not appends: positions follow the insert order, as the store's would.
 */
export const loadWorkflowHistory = async (pool: Pool, events: number, onProgress?: (loaded: number) => void): Promise<number> => {
  await insert(pool, directoryLog(new Date(FIRST_CASE_AT - 86_400_000)));
  let loaded = 0;
  for (let next = 0; loaded < events; next += CASES_AT_ONCE) {
    const rows: LogRow[] = [];
    for (let n = next; n < next + CASES_AT_ONCE && loaded + rows.length < events; n += 1) rows.push(...caseLog(n, new Date(FIRST_CASE_AT + n * 45_000)));
    rows.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
    await insert(pool, rows);
    loaded += rows.length;
    onProgress?.(loaded);
  }
  return loaded;
};
