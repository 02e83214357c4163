import type { Pool, PoolClient } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { BorrowedPool } from '@collab/event-store';
import type { ShadowNames, Transactor } from '@collab/following';

type Query = (...args: unknown[]) => unknown;

/** The statement of a `query` call, renamed: pg takes a text or a config object with `text`. */
const renamedArgument = (names: ShadowNames, statement: unknown): unknown => {
  if (typeof statement === 'string') return names.rewrite(statement);
  if (typeof statement === 'object' && statement !== null && 'text' in statement && typeof statement.text === 'string')
    return { ...statement, text: names.rewrite(statement.text) };
  return statement;
};

/** A pooled connection whose every statement names the shadow tables; the rest of it is the connection itself. */
const renaming = (client: PoolClient, names: ShadowNames): PoolClient =>
  new Proxy(client, {
    get(target, property) {
      if (property === 'query') return (statement: unknown, ...rest: unknown[]) => (target.query as Query).call(target, renamedArgument(names, statement), ...rest);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as Query).bind(target) : value;
    },
  });

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: (error?: unknown) => void) => void;

/** TypeORM's pool for a rebuild: the process's pool, borrowed, handing out renaming connections. */
const renamingDriver = (pool: Pool, names: ShadowNames) => ({
  Pool: class RenamingPool extends BorrowedPool {
    constructor(_options?: unknown) {
      super(pool);
    }

    override connect(): Promise<PoolClient>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
      if (!callback) return pool.connect().then((client) => renaming(client, names));
      pool.connect((error, client, release) => callback(error, client && renaming(client, names), release));
    }
  },
});

export interface ShadowDataSource {
  /** A transaction in which the projection's TypeORM calls and raw SQL alike write the shadow tables. */
  readonly transaction: Transactor<EntityManager>;
  destroy(): Promise<void>;
}

/**
 * A TypeORM data source over the process's pool whose every statement goes through the rebuild's
 * rename map (docs/adr/0011): a projection's `getRepository(CaseView)` and its
 * `query('update workflow.case_leg …')` both land in `workflow_rebuild`, untouched.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes as Function
export const shadowDataSource = async (pool: Pool, names: ShadowNames, entities: readonly Function[]): Promise<ShadowDataSource> => {
  const dataSource = new DataSource({ type: 'postgres', driver: renamingDriver(pool, names), entities: [...entities], synchronize: false, logging: false });
  await dataSource.initialize();
  return {
    // A shadow batch lost in a crash is lost with the rest of an unfinished rebuild: no need to wait for the WAL flush.
    transaction: (work) =>
      dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL synchronous_commit = off');
        return work(manager, manager);
      }),
    destroy: () => dataSource.destroy(),
  };
};
