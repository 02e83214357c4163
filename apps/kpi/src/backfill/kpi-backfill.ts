import { rowsOf, type SqlExecutor } from '@collab/following';
import type { KpiDefinitionVersion, KpiFact } from '@collab/kpi-domain';
import type { TransactionalPool } from '@collab/messaging';

import { gatherPage, kindsFolded, writePage, type GatheredPage } from './page-fold';
import type { BackfillProgress } from '../kpi.answers';

/** The database's pool: plain queries, and a connection for a transaction. */
type Pool = TransactionalPool & SqlExecutor;

interface FactRow {
  readonly seq: string;
  readonly event_id: string;
  readonly kind: KpiFact['kind'];
  readonly at: Date;
  readonly case_id: string | null;
  readonly task_id: string | null;
  readonly dims: KpiFact['dims'];
  readonly attrs: KpiFact['attrs'];
}

const factOf = (row: FactRow): KpiFact => ({
  eventId: row.event_id, kind: row.kind, at: row.at.toISOString(), caseId: row.case_id, taskId: row.task_id, dims: row.dims, attrs: row.attrs,
});

/** Facts per transaction: large enough to amortise the statements and the commit, small enough not to hold the one embedded connection long. */
export const BACKFILL_PAGE = 2_000;

const inTransaction = async (pool: TransactionalPool, work: (tx: SqlExecutor) => Promise<void>): Promise<void> => {
  const connection = await pool.connect();
  try {
    await connection.query('BEGIN');
    await work(connection);
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
};

/**
 * How many facts the journal holds now, and how many were journalled since: counting what lies
 * ahead on every page would read the rest of the journal again and again.
 */
const journalSize = async (pool: SqlExecutor): Promise<{ readonly initial: number; readonly journalledSince: () => Promise<number> }> => {
  const [start] = rowsOf<{ n: string; last: string | null }>(await pool.query(`select count(*) as n, max(seq) as last from kpi.fact`));
  const last = start?.last ?? '0';
  return {
    initial: Number(start?.n ?? 0),
    journalledSince: async () => Number(rowsOf<{ n: string }>(await pool.query(`select count(*) as n from kpi.fact where seq > $1`, [last]))[0]?.n ?? 0),
  };
};

/** How many facts the journal holds after one seq up to another: progress counts the whole journal, not just the facts a version reads. */
const journalledBetween = async (pool: SqlExecutor, after: string, last: string): Promise<number> =>
  Number(rowsOf<{ n: string }>(await pool.query(`select count(*) as n from kpi.fact where seq > $1 and seq <= $2`, [after, last]))[0]?.n ?? 0);

/**
 * Folds the whole fact journal into one KPI version, page by page, while live folding goes on: both
 * write the same rows by the same keys (upserts by source event, duration ends kept by rule), so
 * whatever both reach is written once and the result equals what live folding would have made. It
 * reads to the end of the journal, so facts journalled while it runs are covered too; progress is
 * kept in kpi.backfill for the API and the CLI. Its alerts come after it, from the alert check
 * (kpi-alerts.ts), which holds the version's alerts back while it runs and then replays its history.
 */
export const backfill = async (
  pool: Pool,
  definition: KpiDefinitionVersion,
  { onProgress = () => undefined, signal }: { readonly onProgress?: (progress: BackfillProgress) => void; readonly signal?: AbortSignal } = {},
): Promise<BackfillProgress> => {
  const { initial, journalledSince } = await journalSize(pool);
  let progress: BackfillProgress = { kpiId: definition.kpiId, version: definition.version, total: initial, done: 0, status: 'RUNNING' };
  const save = (p: BackfillProgress) =>
    pool.query(
      `insert into kpi.backfill (kpi_id, version, total, done, status, started_at, finished_at, alerts_replayed) values ($1, $2, $3, $4, $5, now(), case when $5 = 'RUNNING' then null else now() end, false)
       on conflict (kpi_id, version) do update set total = excluded.total, done = excluded.done, status = excluded.status, finished_at = excluded.finished_at, alerts_replayed = false`,
      [p.kpiId, p.version, p.total, p.done, p.status],
    );
  await save(progress);
  onProgress(progress);
  const kinds = kindsFolded(definition);
  const pageAfter = (after: string): Promise<{ readonly last: string | undefined; readonly gathered: GatheredPage }> => {
    const page = pool
      .query(`select seq, event_id, kind, at, case_id, task_id, dims, attrs from kpi.fact where seq > $1 and kind = any($2::text[]) order by seq limit ${BACKFILL_PAGE}`, [after, kinds])
      .then((result) => {
        const rows = rowsOf<FactRow>(result);
        return { last: rows.at(-1)?.seq, gathered: gatherPage(definition, rows.map(factOf)) };
      });
    // Read ahead, it may fail while the page before is folded: its failure is met where it is awaited, or dropped when stopped.
    page.catch(() => undefined);
    return page;
  };
  let after = '0';
  // The next page is read and gathered while this one is written (on PostgreSQL another connection reads it; the embedded database queues it).
  let next = pageAfter(after);
  while (signal?.aborted !== true) {
    const { last, gathered } = await next;
    if (last === undefined) break;
    next = pageAfter(last);
    await inTransaction(pool, async (tx) => void (await writePage(tx, gathered)));
    const done = progress.done + (await journalledBetween(pool, after, last));
    after = last;
    progress = { ...progress, done, total: Math.max(progress.total, done, initial + (await journalledSince())) };
    await save(progress);
    onProgress(progress);
  }
  // Stopped (the process shuts down): left RUNNING, so the next start of the service takes it up again.
  if (signal?.aborted === true) return progress;
  progress = { ...progress, done: Math.max(progress.done, progress.total), status: 'DONE' };
  await save(progress);
  onProgress(progress);
  return progress;
};
