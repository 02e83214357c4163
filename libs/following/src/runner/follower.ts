import type { RecordedEvent } from '@collab/event-store';
import type { LeaseTerm } from '../leases/lease';
import type { SqlExecutor } from '../sql';

/** One batch as a follower's handler sees it. */
export interface FollowerBatch {
  /** The batch's events this follower wants, in log order (never empty). */
  readonly events: readonly RecordedEvent[];
  /** The last position of the whole batch, wanted or not: where the follower is once it is done. */
  readonly upTo: bigint;
  /** Each checkpoint name's position before this batch (a projection skips what it already applied). */
  readonly positions: ReadonlyMap<string, bigint>;
  readonly term: LeaseTerm;
  /** Aborts when the follower stops or loses its lease: stop starting new work, throw Stopped. */
  readonly signal: AbortSignal;
  /** Tells the runner that everything up to `position` is done, for a handler that works event by event. */
  advance(position: bigint): void;
  /**
   * The wanted events of the batch that most likely comes next, when the reader already holds them
   * or is reading them ahead; empty otherwise. Only for preparing work while this batch waits on
   * something else (the relay encodes them while the broker acknowledges this batch): they are not
   * handled until they come as a batch of their own, and may never come so (a stop, a lost lease).
   */
  ahead(): Promise<readonly RecordedEvent[]>;
}

/**
 * How a kind of follower handles its batches: a projection group (one transaction with its
 * checkpoints), a reactor (event by event, checkpointed every so often), a relay (a batch at a time).
 */
export interface BatchHandler {
  /** The checkpoint rows this follower keeps (a projection group keeps one per projection). */
  readonly checkpointNames: readonly string[];
  /** Whether an event concerns this follower; the others are passed without a transaction. */
  wants(event: RecordedEvent): boolean;
  /**
   * Handles a batch completely or throws. Resolves `committed` when it saved the checkpoints to
   * `upTo` in its own transaction, `deferred` when the runner should save them in its own time.
   */
  handle(batch: FollowerBatch): Promise<'committed' | 'deferred'>;
  /** Runs when a term of ownership begins, before the first batch (e.g. loading parked streams). */
  begin?(term: LeaseTerm, signal: AbortSignal): Promise<void>;
  /** Runs when the log had nothing new for a while (e.g. replays an operator asked for). */
  idle?(term: LeaseTerm, signal: AbortSignal): Promise<void>;
}

/** When a follower whose checkpoint lags what it did saves it: after this long, or after this many events. */
export interface FlushPolicy {
  readonly afterMs: number;
  readonly afterEvents: number;
}

/** Process managers, consumers and relays: every N events or about 250 ms (DESIGN §3). */
export const REACTOR_FLUSH: FlushPolicy = { afterMs: 250, afterEvents: 200 };
/** Projections commit their checkpoints with their changes; only skipped stretches are saved lazily. */
export const PROJECTION_FLUSH: FlushPolicy = { afterMs: 1_000, afterEvents: 5_000 };

export interface FollowerDefinition {
  /** The lease name, also the follower's name on /metrics and /ready. */
  readonly name: string;
  /** The schema holding its lease and checkpoints. */
  readonly home: string;
  readonly handler: BatchHandler;
  readonly flush: FlushPolicy;
  /**
   * Embedded (one connection), how long this follower's batches let work begun after them go first:
   * for read models that may lag (analytics), so requests and routing are not queued behind them.
   * They still age, so they are never starved. 0 (the default): in turn with everything else.
   */
  readonly giveWayMs?: number;
}

/** Where a follower stands, for /ready and /metrics. */
export interface FollowerStatus {
  readonly name: string;
  readonly log: string;
  /** standby: another replica holds the lease; retrying/waiting: a fault is being retried. */
  readonly state: 'standby' | 'starting' | 'following' | 'retrying' | 'waiting' | 'stopped';
  readonly position: bigint;
  readonly head: bigint;
  readonly lastFault?: string;
}

/** A pool that runs single statements (the runner's checkpoint loads and lazy saves). */
export type StatementRunner = SqlExecutor;
