import type { RecordedEvent } from '@collab/event-store';
import { FencedCheckpoints } from '../checkpoints/fenced-checkpoints';
import type { BatchHandler, FollowerBatch } from '../runner/follower';
import type { SqlExecutor } from '../sql';

/** A read model fed from a log: declares the event types it handles and applies them in the caller's transaction. */
export interface ProjectionSpec<Tx> {
  /** Its checkpoint row. Renaming it rebuilds the read model from the start. */
  readonly name: string;
  readonly handles: readonly string[];
  /** Must give the same rows when a batch is applied twice (upsert by key and stream version). */
  apply(events: readonly RecordedEvent[], tx: Tx): Promise<void>;
  /**
   * A rebuild's pass over the history, when the projection has a faster one than `apply` batch by
   * batch (docs/adr/0011): the rebuild is its shadow tables' only writer, so the pass may keep rows
   * in memory from one batch to the next and write each once.
   */
  rebuilding?(): RebuildPass<Tx>;
}

/**
 * Applies a rebuild's history batch after batch, each batch in a transaction of its own, holding
 * what it likes in memory between them. The rebuild calls `committed` once a batch's transaction
 * has committed; a batch whose transaction failed is applied again (so `apply` must give the same
 * rows when repeated, as `apply` of a projection does), and rows it wrote there count as unwritten.
 * `flush` writes everything still held, in the last transaction of the pass.
 */
export interface RebuildPass<Tx> {
  apply(events: readonly RecordedEvent[], tx: Tx): Promise<void>;
  flush(tx: Tx): Promise<void>;
  committed(): void;
}

/** Opens a transaction and hands its work both the projections' view of it and a raw SQL executor on it. */
export type Transactor<Tx> = <T>(work: (tx: Tx, sql: SqlExecutor) => Promise<T>) => Promise<T>;

/**
 * A service's projections as one follower (DESIGN §3): each batch is applied to every projection
 * that handles some of its events, and their checkpoints move in the same transaction — one
 * transaction per batch, none for a batch nobody handles. Each projection keeps its own checkpoint,
 * so one added later catches up from 0 while the others skip what they already applied.
 */
export class ProjectionGroup<Tx> implements BatchHandler {
  readonly checkpointNames: readonly string[];
  private readonly handled: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly anyType: ReadonlySet<string>;
  private readonly checkpoints: FencedCheckpoints;

  constructor(
    home: string,
    private readonly projections: readonly ProjectionSpec<Tx>[],
    private readonly transaction: Transactor<Tx>,
  ) {
    this.checkpointNames = projections.map((projection) => projection.name);
    this.handled = new Map(projections.map((projection) => [projection.name, new Set(projection.handles)]));
    this.anyType = new Set(projections.flatMap((projection) => projection.handles));
    this.checkpoints = new FencedCheckpoints(home);
  }

  wants(event: RecordedEvent): boolean {
    return this.anyType.has(event.type);
  }

  async handle(batch: FollowerBatch): Promise<'committed'> {
    await this.transaction(async (tx, sql) => {
      for (const projection of this.projections) {
        const events = this.newFor(projection.name, batch);
        if (events.length > 0) await projection.apply(events, tx);
      }
      await this.checkpoints.save(sql, batch.term, this.checkpointNames, batch.upTo);
    });
    return 'committed';
  }

  private newFor(name: string, batch: FollowerBatch): readonly RecordedEvent[] {
    const types = this.handled.get(name)!;
    const after = batch.positions.get(name) ?? 0n;
    return batch.events.filter((event) => event.position > after && types.has(event.type));
  }
}
