/**
 * The smallest SQL surface messaging needs, so a `pg` Pool or PoolClient, a PGlite-backed pool
 * and a TypeORM EntityManager all fit without an adapter.
 */
export interface SqlExecutor {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** A pool that lends a connection for a transaction (`pg.Pool` fits). */
export interface TransactionalPool {
  connect(): Promise<PooledConnection>;
}

export interface PooledConnection extends SqlExecutor {
  release(error?: Error | boolean): void;
}

/** Schema names are interpolated into DDL, so only plain lower-case identifiers are accepted. */
export const quoteSchema = (schema: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a plain schema name: ${JSON.stringify(schema)}`);
  return `"${schema}"`;
};

/**
 * Rows from whatever the executor returned: `pg` answers `{ rows }`, TypeORM's `query()`
 * answers the rows themselves.
 */
export const rowsOf = (result: unknown): readonly unknown[] => {
  if (Array.isArray(result)) return result;
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  throw new Error('the SQL executor returned neither rows nor a result with rows');
};
