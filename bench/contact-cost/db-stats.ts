import { Client } from 'pg';

/** Database-wide counters (pg_stat_database) and user-table counters (pg_stat_user_tables) at one moment. */
export interface Counters {
  readonly at: number;
  readonly values: Readonly<Record<string, number>>;
}

export const COUNTER_NAMES = [
  'xact_commit',
  'xact_rollback',
  'tup_returned',
  'tup_fetched',
  'tup_inserted',
  'tup_updated',
  'tup_deleted',
  'seq_scan',
  'seq_tup_read',
  'idx_scan',
  'idx_tup_fetch',
] as const;

const DATABASE_SQL = `select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted
  from pg_stat_database where datname = current_database()`;
const TABLES_SQL = `select coalesce(sum(seq_scan), 0) as seq_scan, coalesce(sum(seq_tup_read), 0) as seq_tup_read,
  coalesce(sum(idx_scan), 0) as idx_scan, coalesce(sum(idx_tup_fetch), 0) as idx_tup_fetch from pg_stat_user_tables`;

/**
 * Reads PostgreSQL's statistics for one database from a connection of its own. PostgreSQL 15
 * flushes a backend's counters lazily (at a transaction end at most once a second, or after 10 s
 * idle), so callers wait for the flush (`settle`) before they read, and account for what the
 * reading itself and the idle followers add (`Counters` of an idle window).
 */
export class DatabaseStats {
  private constructor(private readonly client: Client) {}

  static async connect(url: string): Promise<DatabaseStats> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return new DatabaseStats(client);
  }

  async read(): Promise<Counters> {
    await this.client.query('select pg_stat_force_next_flush()');
    const database = (await this.client.query<Record<string, string>>(DATABASE_SQL)).rows[0] ?? {};
    const tables = (await this.client.query<Record<string, string>>(TABLES_SQL)).rows[0] ?? {};
    const values = Object.fromEntries(
      COUNTER_NAMES.map((name) => [name, Number(database[name] ?? tables[name] ?? 0)]),
    );
    return { at: Date.now(), values };
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** Per-second rates between two readings. */
export const ratesBetween = (from: Counters, to: Counters): Record<string, number> => {
  const seconds = (to.at - from.at) / 1000;
  return Object.fromEntries(
    COUNTER_NAMES.map((name) => [name, ((to.values[name] ?? 0) - (from.values[name] ?? 0)) / seconds]),
  );
};

/** What `count` operations cost each, once the idle rate over the same span is taken off. */
export const perOperation = (
  window: { readonly from: Counters; readonly to: Counters },
  idle: Readonly<Record<string, number>>,
  count: number,
): Record<string, number> => {
  const seconds = (window.to.at - window.from.at) / 1000;
  return Object.fromEntries(
    COUNTER_NAMES.map((name) => {
      const delta = (window.to.values[name] ?? 0) - (window.from.values[name] ?? 0);
      return [name, (delta - (idle[name] ?? 0) * seconds) / count];
    }),
  );
};
