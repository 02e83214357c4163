import {
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type GlobalLogHandler,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedVersion,
} from '../event-store.port';
import { satisfies, validateAppend, validateAppendMany } from '../core/append-validation';
import { LogFollower } from '../core/log-follower';
import { WakeSignal } from '../core/wake-signal';
import { AppendBatcher } from './append-batcher';
import { DEFAULT_BATCH_LIMITS, type BatchLimits } from './batch-selection';
import {
  translateSingleFailure,
  writeBatch,
  type GroupOutcome,
  type PendingAppend,
  type PendingGroup,
} from './postgres-append';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-rows';
import { ensureEventStoreSchema } from './postgres-schema';
import type { Queryable } from './queryable';
import { schemaName } from './sql-identifier';
import { streamReaderOf } from './stream-reads-within';

export interface PostgresEventStoreOptions {
  /** A pg Pool on PostgreSQL, or the one-connection pool of the embedded database. The store never ends it. */
  readonly pool: Queryable;
  /** The service's schema (intake, workflow, ...): a plain lower-case identifier. */
  readonly schema: string;
  /** How often an idle subscriber looks for other processes' writes (this process's wake it at once). */
  readonly pollIntervalMs?: number;
  readonly batchLimits?: Partial<BatchLimits>;
}

const pending = ({ streamId, events, expected }: StreamAppend): PendingAppend => {
  const normalized = events.map((event) => ({ ...event, id: event.id.toLowerCase() }));
  return { streamId, events: normalized, expected, eventIds: normalized.map((event) => event.id) };
};

interface StreamTip {
  readonly version: number;
  readonly position: bigint;
}

/**
 * The default event store adapter: one append-only table per service schema, group commit for
 * throughput, and a global log that never skips (docs/adr/0001-global-log-never-skips.md). It
 * only ever runs single statements through the pool, never holding a connection, so it can share
 * the embedded database's single connection with TypeORM and projections. Stream reads go to a
 * caller's transaction instead where it asks (readingStreamsWithin).
 */
export class PostgresEventStore implements EventStore {
  /** A multi-stream append is one group of a group commit: one statement, one transaction. */
  readonly atomicMultiStream = true;
  readonly schema: string;
  private readonly pool: Queryable;
  private readonly pollIntervalMs: number;
  /** Notified on every commit of this process (and, distributed, by the commit listener for other processes'). */
  readonly commits = new WakeSignal();
  private readonly batcher: AppendBatcher;
  private readonly subscriptions = new Set<LogFollower>();
  private closed = false;

  constructor(options: PostgresEventStoreOptions) {
    this.schema = schemaName(options.schema);
    this.pool = options.pool;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.batcher = new AppendBatcher(
      {
        writeBatch: (batch) => writeBatch(this.pool, this.schema, batch),
        explainFailure: (append, error) => this.explainFailure(append, error),
      },
      { ...DEFAULT_BATCH_LIMITS, ...options.batchLimits },
      () => this.commits.notify(),
    );
  }

  /** Creates or upgrades the schema's tables and append function; idempotent, safe to race. */
  ensureSchema(): Promise<void> {
    return ensureEventStoreSchema(this.pool, this.schema);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    if (this.closed) throw new Error(`event store ${this.schema} is closed`);
    validateAppend(streamId, events, expected);
    if (events.length === 0) return this.checkOnly(streamId, expected);
    return this.batcher.submit(pending({ streamId, events, expected }));
  }

  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (this.closed) throw new Error(`event store ${this.schema} is closed`);
    validateAppendMany(appends);
    if (appends.length === 0) return [];
    return [...(await this.batcher.submitGroup(appends.map(pending)))];
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await streamReaderOf(this.pool).query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, options.fromVersion ?? 1],
    );
    return rows.map(toRecordedEvent);
  }

  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, RecordedEvent[]>> {
    const streams = new Map<string, RecordedEvent[]>(streamIds.map((streamId) => [streamId, []]));
    if (streamIds.length === 0) return streams;
    const { rows } = await streamReaderOf(this.pool).query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_version`,
      [[...streams.keys()]],
    );
    for (const row of rows) streams.get(row.stream_id)?.push(toRecordedEvent(row));
    return streams;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events WHERE position > $1 ORDER BY position LIMIT $2`,
      [options.after.toString(), options.maxCount],
    );
    return rows.map(toRecordedEvent);
  }

  subscribeToAll(handler: GlobalLogHandler, options: SubscribeOptions): Subscription {
    const follower = new LogFollower(this, handler, {
      ...options,
      wake: this.commits,
      pollIntervalMs: options.pollIntervalMs ?? this.pollIntervalMs,
    });
    this.subscriptions.add(follower);
    return {
      get position() {
        return follower.position;
      },
      stop: async () => {
        this.subscriptions.delete(follower);
        await follower.stop();
      },
    };
  }

  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query<{ head: string | null }>(
      `SELECT max(position) AS head FROM ${this.schema}.events`,
    );
    return BigInt(rows[0]?.head ?? 0);
  }

  /** Stops the subscriptions and lets queued appends finish; the pool stays open (its owner ends it). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.batcher.idle();
  }

  private async tip(streamId: string): Promise<StreamTip> {
    const { rows } = await this.pool.query<{ stream_version: number; position: string }>(
      `SELECT stream_version, position FROM ${this.schema}.events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`,
      [streamId],
    );
    const row = rows[0];
    return row
      ? { version: row.stream_version, position: BigInt(row.position) }
      : { version: 0, position: 0n };
  }

  /** An empty append writes nothing but still answers the version check. */
  private async checkOnly(streamId: string, expected: ExpectedVersion): Promise<AppendResult> {
    const tip = await this.tip(streamId);
    if (!satisfies(expected, tip.version)) throw new WrongExpectedVersion(streamId, expected, tip.version);
    return { nextExpectedVersion: tip.version, lastPosition: tip.position };
  }

  /** A failed group of one is explained by its stream's tip; a larger one by its first append, its version unknown. */
  private async explainFailure({ appends }: PendingGroup, error: unknown): Promise<GroupOutcome> {
    const [append] = appends;
    if (!append) return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    const actual =
      appends.length > 1 ? -1 : await this.tip(append.streamId).then((tip) => tip.version, () => -1);
    return { ok: false, error: translateSingleFailure(append, error, actual) };
  }
}
