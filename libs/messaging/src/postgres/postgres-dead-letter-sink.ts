import type { CollabEvent } from '@collab/contracts';
import type { DeadLetter, DeadLetterSink } from '../dead-letter.port';
import { describeError } from '../logger';
import { quoteSchema, rowsOf, type SqlExecutor } from './sql';

export interface PostgresDeadLetterSinkOptions {
  /** A `pg` Pool (in embedded mode the process's single shared one). */
  readonly pool: SqlExecutor;
  /** The consuming service's schema; the table is `<schema>.dead_letters`. */
  readonly schema: string;
}

export interface StoredDeadLetter {
  readonly id: string;
  readonly consumerName: string;
  readonly event: CollabEvent;
  readonly errorName: string;
  readonly errorMessage: string;
  readonly attempts: number;
  readonly recordedAt: Date;
}

interface DeadLetterRow {
  readonly id: string;
  readonly consumer: string;
  readonly event: CollabEvent;
  readonly error_name: string;
  readonly error_message: string;
  readonly attempts: number;
  readonly recorded_at: Date;
}

/** Dead letters of the embedded transport in PostgreSQL, one row per given-up event, kept for an operator. */
export class PostgresDeadLetterSink implements DeadLetterSink {
  private readonly table: string;

  constructor(private readonly options: PostgresDeadLetterSinkOptions) {
    this.table = `${quoteSchema(options.schema)}.dead_letters`;
  }

  async ensureSchema(): Promise<void> {
    const { pool, schema } = this.options;
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteSchema(schema)}`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         id bigserial PRIMARY KEY,
         consumer text NOT NULL,
         event_id text NOT NULL,
         event_type text NOT NULL,
         subject text NOT NULL,
         event jsonb NOT NULL,
         error_name text NOT NULL,
         error_message text NOT NULL,
         error_stack text,
         attempts integer NOT NULL,
         recorded_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await pool.query(`CREATE INDEX IF NOT EXISTS dead_letters_consumer ON ${this.table} (consumer, recorded_at)`);
  }

  async record({ consumerName, event, error, attempts }: DeadLetter): Promise<void> {
    const described = describeError(error);
    await this.options.pool.query(
      `INSERT INTO ${this.table}
         (consumer, event_id, event_type, subject, event, error_name, error_message, error_stack, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [consumerName, event.id, event.type, event.subject, JSON.stringify(event), described.name, described.message, described.stack ?? null, attempts],
    );
  }

  /** Oldest first; for operators and tests. */
  async list(consumerName?: string): Promise<StoredDeadLetter[]> {
    const result = await this.options.pool.query(
      `SELECT id::text AS id, consumer, event, error_name, error_message, attempts, recorded_at
         FROM ${this.table} WHERE $1::text IS NULL OR consumer = $1 ORDER BY id`,
      [consumerName ?? null],
    );
    return (rowsOf(result) as DeadLetterRow[]).map((row) => ({
      id: row.id,
      consumerName: row.consumer,
      event: row.event,
      errorName: row.error_name,
      errorMessage: row.error_message,
      attempts: row.attempts,
      recordedAt: row.recorded_at,
    }));
  }
}
