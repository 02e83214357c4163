import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventStore, RecordedEvent, Subscription } from '@collab/event-store';
import { EVENT_STORE } from './tokens';

/** A read model fed from one service's own log. */
export interface Projection {
  /** Stable name: the checkpoint key. Change it to rebuild from the start. */
  readonly name: string;
  /** The read model's schema (also where the checkpoint lives). */
  readonly schema: string;
  /** Idempotent DDL for the read model's tables. */
  readonly setupSql: readonly string[];
  /** Applies a batch inside the transaction that also moves the checkpoint. */
  apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;
}

/** How long a failed projection waits before it follows the log again: doubling, at most 30 s. */
export const projectionRetryDelayMs = (failures: number): number => Math.min(30_000, 250 * 2 ** Math.max(0, failures - 1));

/** Where a projection's faults are told; Nest's Logger fits as it is. */
export interface ProjectionFaultLog {
  error(message: string, stack?: string): void;
}

const subscribeFromCheckpoint = async (store: EventStore, dataSource: DataSource, projection: Projection, handlers: { applied: () => void; failed: (error: unknown) => void }): Promise<Subscription> => {
  const checkpoints = `"${projection.schema}".checkpoints`;
  const rows: { position: string }[] = await dataSource.query(`select position from ${checkpoints} where name = $1`, [projection.name]);
  return store.subscribeToAll(
    async (batch) => {
      await dataSource.transaction(async (tx) => {
        await projection.apply(batch, tx);
        const last = batch[batch.length - 1];
        if (!last) return;
        await tx.query(
          `insert into ${checkpoints} (name, position) values ($1, $2) on conflict (name) do update set position = excluded.position`,
          [projection.name, last.position.toString()],
        );
      });
      handlers.applied();
    },
    { after: BigInt(rows[0]?.position ?? 0), batchSize: 500, onError: handlers.failed },
  );
};

/**
 * A projection that does not stay down: when a batch fails (a bug, a lost database connection) the
 * subscription ends, the fault is logged, and after a growing pause the projection follows the log
 * again from its last committed checkpoint. Without this one bad event would freeze a read model for
 * good with nothing said.
 */
class RestartingProjection implements Subscription {
  private current: Subscription | undefined;
  private failures = 0;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly follow: (handlers: { applied: () => void; failed: (error: unknown) => void }) => Promise<Subscription>,
    private readonly name: string,
    private readonly log: ProjectionFaultLog,
  ) {}

  get position(): bigint {
    return this.current?.position ?? 0n;
  }

  async start(): Promise<void> {
    this.current = await this.follow({ applied: () => (this.failures = 0), failed: (error) => this.failed(error) });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.current?.stop();
  }

  private failed(error: unknown): void {
    if (this.stopped) return;
    this.failures += 1;
    const delay = projectionRetryDelayMs(this.failures);
    const fault = error instanceof Error ? error : new Error(String(error));
    this.log.error(`projection ${this.name} failed (${this.failures} in a row), following the log again in ${delay} ms: ${fault.message}`, fault.stack);
    this.retry = setTimeout(() => {
      if (!this.stopped) this.start().catch((startError: unknown) => this.failed(startError));
    }, delay);
  }
}

/**
 * Runs a projection from its checkpoint. The read-model change and the checkpoint commit in one
 * transaction, so a crash replays at most the batch that did not commit, and replaying it again
 * changes nothing. The transaction holds the (possibly single, embedded) connection only for
 * its own queries: nothing inside it awaits another query through the pool. A failed batch is
 * retried from the checkpoint after a pause (RestartingProjection).
 */
export const runProjection = async (store: EventStore, dataSource: DataSource, projection: Projection, log: ProjectionFaultLog = new Logger('Projection')): Promise<Subscription> => {
  await dataSource.query(`create schema if not exists "${projection.schema}"`);
  await dataSource.query(`create table if not exists "${projection.schema}".checkpoints (name text primary key, position bigint not null)`);
  for (const statement of projection.setupSql) await dataSource.query(statement);
  const running = new RestartingProjection((handlers) => subscribeFromCheckpoint(store, dataSource, projection, handlers), projection.name, log);
  await running.start();
  return running;
};

/**
 * A projection that runs for as long as its module: it catches up and follows the service's log
 * from bootstrap and stops with the module. Subclasses say what they keep; the wiring is here once.
 */
@Injectable()
export abstract class HostedProjection implements Projection, OnApplicationBootstrap, OnModuleDestroy {
  abstract readonly name: string;
  abstract readonly schema: string;
  abstract readonly setupSql: readonly string[];
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  abstract apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await runProjection(this.store, this.dataSource, this);
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
  }
}
