import { quoteSchema, rowsOf, type SqlExecutor } from '../sql';

/** An event a follower gave up on, kept with why — never dropped. */
export interface DeadLetter {
  readonly follower: string;
  readonly eventId: string;
  readonly eventType: string;
  /** The stream key (stream id, Kafka message key) whose later events now wait behind this one. */
  readonly streamId: string;
  readonly position?: bigint;
  /** The event as the follower received it (a recorded event or a CloudEvent), as JSON. */
  readonly event: unknown;
  readonly error: { readonly name: string; readonly message: string; readonly stack?: string };
  readonly attempts: number;
}

export interface StoredDeadLetter extends DeadLetter {
  readonly id: string;
  readonly recordedAt: Date;
  readonly replayedAt: Date | null;
}

interface LetterRow {
  readonly id: string;
  readonly consumer: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly subject: string;
  readonly position: string | null;
  readonly event: unknown;
  readonly error_name: string;
  readonly error_message: string;
  readonly attempts: number;
  readonly recorded_at: Date;
  readonly replayed_at: Date | null;
}

const storedOf = (row: LetterRow): StoredDeadLetter => ({
  id: row.id,
  follower: row.consumer,
  eventId: row.event_id,
  eventType: row.event_type,
  streamId: row.subject,
  ...(row.position === null ? {} : { position: BigInt(row.position) }),
  event: row.event,
  error: { name: row.error_name, message: row.error_message },
  attempts: row.attempts,
  recordedAt: row.recorded_at,
  replayedAt: row.replayed_at,
});

/**
 * Dead letters and parked streams in a follower's home schema. A dead letter parks its stream key:
 * the follower's later events of that key are dead-lettered behind it, in order, instead of being
 * handled out of order. An operator asks for a replay (`npm run dlq`), the owner of the follower
 * hands the letters to its handler again in order, and the key is free once none is left.
 */
export class DeadLetterStore {
  private readonly letters: string;
  private readonly parked: string;

  constructor(readonly home: string) {
    this.letters = `${quoteSchema(home)}.dead_letters`;
    this.parked = `${quoteSchema(home)}.parked_streams`;
  }

  /** Records the letter and parks its stream, in one statement (one transaction). */
  async record(db: SqlExecutor, letter: DeadLetter): Promise<void> {
    await db.query(
      `WITH letter AS (
         INSERT INTO ${this.letters} (consumer, event_id, event_type, subject, position, event, error_name, error_message, error_stack, attempts)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10) RETURNING id)
       INSERT INTO ${this.parked} (follower, stream_id, first_event_id) SELECT $1, $4, $2 FROM letter
       ON CONFLICT (follower, stream_id) DO NOTHING`,
      [
        letter.follower,
        letter.eventId,
        letter.eventType,
        letter.streamId,
        letter.position?.toString() ?? null,
        JSON.stringify(letter.event, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
        letter.error.name,
        letter.error.message,
        letter.error.stack ?? null,
        letter.attempts,
      ],
    );
  }

  async parkedStreams(db: SqlExecutor, follower: string): Promise<Set<string>> {
    const rows = rowsOf<{ stream_id: string }>(await db.query(`SELECT stream_id FROM ${this.parked} WHERE follower = $1`, [follower]));
    return new Set(rows.map((row) => row.stream_id));
  }

  /** Oldest first; every follower's when `follower` is undefined. */
  async list(db: SqlExecutor, follower?: string, options: { pendingOnly?: boolean } = {}): Promise<StoredDeadLetter[]> {
    const rows = rowsOf<LetterRow>(
      await db.query(
        `SELECT id::text AS id, consumer, event_id, event_type, subject, position::text AS position, event, error_name, error_message,
                attempts, recorded_at, replayed_at
           FROM ${this.letters} WHERE ($1::text IS NULL OR consumer = $1) AND (NOT $2 OR replayed_at IS NULL) ORDER BY id`,
        [follower ?? null, options.pendingOnly === true],
      ),
    );
    return rows.map(storedOf);
  }

  /** An operator's request: the follower's owner replays the stream's letters at its next idle moment. */
  async requestReplay(db: SqlExecutor, follower: string, streamId?: string): Promise<number> {
    const rows = rowsOf<{ stream_id: string }>(
      await db.query(
        `UPDATE ${this.parked} SET replay_requested_at = now() WHERE follower = $1 AND ($2::text IS NULL OR stream_id = $2) RETURNING stream_id`,
        [follower, streamId ?? null],
      ),
    );
    return rows.length;
  }

  async replayRequests(db: SqlExecutor, follower: string): Promise<string[]> {
    const rows = rowsOf<{ stream_id: string }>(
      await db.query(`SELECT stream_id FROM ${this.parked} WHERE follower = $1 AND replay_requested_at IS NOT NULL ORDER BY parked_at`, [follower]),
    );
    return rows.map((row) => row.stream_id);
  }

  async pendingOf(db: SqlExecutor, follower: string, streamId: string): Promise<StoredDeadLetter[]> {
    const rows = rowsOf<LetterRow>(
      await db.query(
        `SELECT id::text AS id, consumer, event_id, event_type, subject, position::text AS position, event, error_name, error_message,
                attempts, recorded_at, replayed_at
           FROM ${this.letters} WHERE consumer = $1 AND subject = $2 AND replayed_at IS NULL ORDER BY id`,
        [follower, streamId],
      ),
    );
    return rows.map(storedOf);
  }

  async markReplayed(db: SqlExecutor, id: string): Promise<void> {
    await db.query(`UPDATE ${this.letters} SET replayed_at = now() WHERE id = $1::bigint`, [id]);
  }

  /** Frees the stream when none of its letters is left unreplayed; true when it did. */
  async unparkIfDone(db: SqlExecutor, follower: string, streamId: string): Promise<boolean> {
    const rows = rowsOf<{ stream_id: string }>(
      await db.query(
        `DELETE FROM ${this.parked} p WHERE p.follower = $1 AND p.stream_id = $2
           AND NOT EXISTS (SELECT 1 FROM ${this.letters} l WHERE l.consumer = $1 AND l.subject = $2 AND l.replayed_at IS NULL)
         RETURNING stream_id`,
        [follower, streamId],
      ),
    );
    return rows.length === 1;
  }

  /** A replay that met poison again: the stream stays parked, the request is cleared. */
  async clearRequest(db: SqlExecutor, follower: string, streamId: string): Promise<void> {
    await db.query(`UPDATE ${this.parked} SET replay_requested_at = NULL WHERE follower = $1 AND stream_id = $2`, [follower, streamId]);
  }
}
