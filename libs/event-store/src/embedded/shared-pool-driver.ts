import type { Pool, PoolClient } from 'pg';

type ConnectCallback = (
  error: Error | undefined,
  client: PoolClient | undefined,
  release: (error?: unknown) => void,
) => void;
type Listener = (...args: unknown[]) => void;

/**
 * What TypeORM's postgres driver gets instead of the pool: it calls connect (callback style),
 * on('error') and, on DataSource.destroy(), end. end only detaches TypeORM's listeners, because
 * the pool belongs to the embedded database, which the event stores keep using.
 */
export class BorrowedPool {
  private readonly listeners: [string, Listener][] = [];

  constructor(private readonly pool: Pool) {}

  connect(): Promise<PoolClient>;
  connect(callback: ConnectCallback): void;
  connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    if (!callback) return this.pool.connect();
    this.pool.connect(callback);
  }

  on(event: 'error', listener: Listener): this {
    this.pool.on(event, listener);
    this.listeners.push([event, listener]);
    return this;
  }

  end(callback?: (error?: Error) => void): Promise<void> {
    for (const [event, listener] of this.listeners.splice(0)) this.pool.off(event, listener);
    callback?.();
    return Promise.resolve();
  }
}

export interface SharedPoolDriver {
  /** TypeORM does `new driver.Pool(options)`; every such pool is the one shared pool, borrowed. */
  readonly Pool: new (options?: unknown) => BorrowedPool;
}

/**
 * A TypeORM `driver` (DataSourceOptions.driver, type 'postgres') whose Pool is `pool`, so TypeORM
 * runs on the same single connection as the event store (DESIGN.md §7). No `native` member, so
 * TypeORM never swaps in pg-native; no `defaults`, so the parseInt8 option is ignored (int8 stays
 * a string, as the event store expects).
 */
export const sharedPoolDriver = (pool: Pool): SharedPoolDriver => ({
  Pool: class SharedPool extends BorrowedPool {
    constructor(_options?: unknown) {
      super(pool);
    }
  },
});
