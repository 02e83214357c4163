import type { RecordedEvent } from '@collab/event-store';
import { FencedCheckpoints } from '../checkpoints/fenced-checkpoints';
import { classify, Stopped } from '../faults';
import type { ProjectionSpec, RebuildPass, Transactor } from '../handlers/projection-group';
import type { LeaseTerm, Leases } from '../leases/lease';
import type { LogSource } from '../reading/shared-log-reader';
import { backoffDelay, INFRASTRUCTURE_BACKOFF, pauseUnlessStopped } from '../runner/retrying';
import type { SqlExecutor } from '../sql';
import type { ShadowTables } from './shadow-tables';

/** Where a rebuild is; `phase` is awaited, so an observer may act at each step. */
export type RebuildPhase = 'preparing' | 'catching-up' | 'indexing' | 'pausing-live' | 'final-catch-up' | 'swapping' | 'swapped';

export interface RebuildProgress {
  phase(phase: RebuildPhase): void | Promise<void>;
  /** The shadow has every event up to `position`; the log's head is at least `head`. */
  advanced(position: bigint, head: bigint): void;
  /** An infrastructure fault is being retried. */
  retrying?(error: unknown, delayMs: number): void;
}

/** Runs `work` in one plain transaction (no renaming): the swap and its checkpoint. */
export type PlainTransaction = <T>(work: (sql: SqlExecutor) => Promise<T>) => Promise<T>;

export interface RebuildDependencies<Tx> {
  readonly source: LogSource;
  readonly projection: ProjectionSpec<Tx>;
  /** The lease of the projection group the projection belongs to, e.g. `projections:workflow`, in its home schema. */
  readonly group: { readonly home: string; readonly lease: string };
  readonly shadow: ShadowTables;
  /** Single statements: the shadow's DDL. */
  readonly db: SqlExecutor;
  /** A transaction whose statements name the shadow tables: where the projection's apply runs. */
  readonly shadowTransaction: Transactor<Tx>;
  readonly plainTransaction: PlainTransaction;
  readonly leases: Leases;
  readonly progress: RebuildProgress;
  readonly batchSize?: number;
  readonly signal: AbortSignal;
}

export interface RebuildOutcome {
  /** Where the shadow got, and where the projection's checkpoint is now. */
  readonly position: bigint;
  /** The projection's checkpoint before the swap. */
  readonly previousCheckpoint: bigint;
  /** Events of the log read, and of those the projection handles. */
  readonly read: number;
  readonly applied: number;
}

export const DEFAULT_REBUILD_BATCH = 20_000;

/**
 * A read model rebuilt from position 0 into shadow tables, then swapped in (DESIGN §3 "Rebuild",
 * docs/adr/0011). The history is applied without pausing anyone; once caught up, the rebuild takes
 * the projection group's lease — the live group stops at its next checkpoint write, which the new
 * token fences — applies what came meanwhile, and in one transaction swaps the tables and moves
 * the projection's checkpoint to where the shadow got. Then it gives the lease back and the live
 * group carries on from there; the group's other projections keep their checkpoints. Each batch
 * applies in its own transaction; an infrastructure fault retries it, anything else ends the run
 * and drops the shadows.
 */
export class RebuildRun<Tx> {
  private readonly handles: ReadonlySet<string>;
  private readonly batchSize: number;
  private read = 0;
  private applied = 0;
  private head = 0n;
  private headAskedAt = 0;

  constructor(private readonly deps: RebuildDependencies<Tx>) {
    this.handles = new Set(deps.projection.handles);
    this.batchSize = deps.batchSize ?? DEFAULT_REBUILD_BATCH;
  }

  async run(): Promise<RebuildOutcome> {
    const { shadow, db, progress, leases, group, signal } = this.deps;
    await progress.phase('preparing');
    await this.retried(() => shadow.create(db));
    try {
      await progress.phase('catching-up');
      // The history goes through the projection's own pass if it has one; what comes after, batch by batch.
      const caughtUp = await this.catchUp(0n, this.deps.projection.rebuilding?.());
      await progress.phase('indexing');
      await this.retried(() => shadow.complete(db));
      await progress.phase('pausing-live');
      const term = await leases.acquire(group.home, group.lease, signal);
      try {
        await progress.phase('final-catch-up');
        const position = await this.catchUp(caughtUp);
        await progress.phase('swapping');
        const previousCheckpoint = await this.retried(() => this.swap(term, position));
        await progress.phase('swapped');
        return { position, previousCheckpoint, read: this.read, applied: this.applied };
      } finally {
        await leases.release(term);
      }
    } catch (error) {
      await shadow.drop(db).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Applies the log after `from` until a read finds nothing more; the next batch is read while one
   * applies. Through `pass` when given: it learns of each commit, and writes what it still holds last.
   */
  private async catchUp(from: bigint, pass?: RebuildPass<Tx>): Promise<bigint> {
    const apply = pass ? (events: readonly RecordedEvent[], tx: Tx) => pass.apply(events, tx) : (events: readonly RecordedEvent[], tx: Tx) => this.deps.projection.apply(events, tx);
    const inTransaction = async (work: (tx: Tx) => Promise<void>): Promise<void> => {
      await this.retried(() => this.deps.shadowTransaction(work));
      pass?.committed();
    };
    let position = from;
    let next = this.readAfter(position);
    for (;;) {
      const events = await next;
      if (events.length === 0) {
        if (pass) await inTransaction((tx) => pass.flush(tx));
        return position;
      }
      const upTo = events[events.length - 1]!.position;
      next = this.readAfter(upTo);
      next.catch(() => undefined); // awaited at the next turn; an apply failing first must not leave it unhandled
      const wanted = events.filter((event) => this.handles.has(event.type));
      if (wanted.length > 0) await inTransaction((tx) => apply(wanted, tx));
      this.read += events.length;
      this.applied += wanted.length;
      position = upTo;
      this.deps.progress.advanced(position, await this.headAtLeast(position));
    }
  }

  private readAfter(position: bigint): Promise<readonly RecordedEvent[]> {
    return this.retried(() => this.deps.source.readAll({ after: position, maxCount: this.batchSize }));
  }

  /** The log's head for the progress figures, asked at most once a second. */
  private async headAtLeast(position: bigint): Promise<bigint> {
    if (Date.now() - this.headAskedAt > 1_000) {
      this.headAskedAt = Date.now();
      this.head = await this.retried(() => this.deps.source.headPosition());
    }
    if (position > this.head) this.head = position;
    return this.head;
  }

  /** Tables and checkpoint in one transaction, fenced by the lease: a lost lease rolls the swap back. */
  private swap(term: LeaseTerm, position: bigint): Promise<bigint> {
    const { projection, group, shadow } = this.deps;
    const checkpoints = new FencedCheckpoints(group.home);
    return this.deps.plainTransaction(async (sql) => {
      const previous = (await checkpoints.load(sql, [projection.name])).get(projection.name) ?? 0n;
      // Under the lease nobody else moves it; ahead of the shadow it would leave the gap unapplied.
      if (previous > position) throw new Error(`${projection.name} is at ${previous}, past the rebuilt ${position}: the lease did not hold`);
      await shadow.swap(sql);
      await checkpoints.save(sql, term, [projection.name], position);
      return previous;
    });
  }

  /** Infrastructure faults are retried with a growing pause; anything else ends the rebuild. */
  private async retried<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.deps.signal.aborted) throw new Stopped('the rebuild was interrupted');
      try {
        return await work();
      } catch (error) {
        if (classify(error) !== 'transient') throw error;
        const delayMs = backoffDelay(attempt, INFRASTRUCTURE_BACKOFF);
        this.deps.progress.retrying?.(error, delayMs);
        await pauseUnlessStopped(delayMs, this.deps.signal);
      }
    }
  }
}
