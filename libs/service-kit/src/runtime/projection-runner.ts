import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
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

/**
 * Runs a projection from its checkpoint. The read-model change and the checkpoint commit in one
 * transaction, so a crash replays at most the batch that did not commit, and replaying it again
 * changes nothing. The transaction holds the (possibly single, embedded) connection only for
 * its own queries: nothing inside it awaits another query through the pool.
 */
export const runProjection = async (store: EventStore, dataSource: DataSource, projection: Projection): Promise<Subscription> => {
  const checkpoints = `"${projection.schema}".checkpoints`;
  await dataSource.query(`create schema if not exists "${projection.schema}"`);
  await dataSource.query(`create table if not exists ${checkpoints} (name text primary key, position bigint not null)`);
  for (const statement of projection.setupSql) await dataSource.query(statement);
  const rows: { position: string }[] = await dataSource.query(`select position from ${checkpoints} where name = $1`, [projection.name]);
  const after = BigInt(rows[0]?.position ?? 0);
  return store.subscribeToAll(
    (batch) =>
      dataSource.transaction(async (tx) => {
        await projection.apply(batch, tx);
        const last = batch[batch.length - 1];
        if (!last) return;
        await tx.query(
          `insert into ${checkpoints} (name, position) values ($1, $2) on conflict (name) do update set position = excluded.position`,
          [projection.name, last.position.toString()],
        );
      }),
    { after, batchSize: 500 },
  );
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
