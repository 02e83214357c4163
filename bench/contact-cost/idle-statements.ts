import { Client } from 'pg';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StatementRate {
  readonly statement: string;
  /** Distinct runs seen a second: a lower bound (two runs between samples on one connection count once). */
  readonly perSecond: number;
}

/**
 * Which statements a database's client backends run, and how often, from `pg_stat_activity`
 * sampled every few milliseconds (pg_stat_statements is not loaded on this server). A run is a
 * backend's (pid, query_start); the sampling connection is to another database, so it adds
 * nothing to the counters it explains.
 */
export const sampleStatements = async (samplerUrl: string, database: string, ms: number): Promise<StatementRate[]> => {
  const client = new Client({ connectionString: samplerUrl });
  await client.connect();
  const runs = new Map<string, Set<string>>();
  const started = Date.now();
  try {
    while (Date.now() - started < ms) {
      const { rows } = await client.query<{ pid: number; query: string; started: string | null }>(
        `select pid, query, query_start::text as started from pg_stat_activity
          where datname = $1 and backend_type = 'client backend' and query <> ''`,
        [database],
      );
      for (const row of rows) {
        const statement = row.query.replace(/\s+/g, ' ').trim().slice(0, 140);
        const seen = runs.get(statement) ?? new Set<string>();
        seen.add(`${row.pid}@${row.started ?? ''}`);
        runs.set(statement, seen);
      }
      await sleep(3);
    }
  } finally {
    await client.end();
  }
  const seconds = (Date.now() - started) / 1000;
  return [...runs]
    .map(([statement, seen]) => ({ statement, perSecond: seen.size / seconds }))
    .sort((a, b) => b.perSecond - a.perSecond);
};
