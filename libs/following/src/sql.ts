/** Schema names are interpolated into SQL, so only plain lower-case identifiers are accepted. */
export const quoteSchema = (schema: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a plain schema name: ${JSON.stringify(schema)}`);
  return `"${schema}"`;
};

/** The smallest SQL surface a follower's transaction offers: a pg client, a PGlite pool, a TypeORM EntityManager. */
export interface SqlExecutor {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Rows from whatever the executor returned: `pg` answers `{ rows }`, TypeORM's `query()` the rows themselves. */
export const rowsOf = <Row>(result: unknown): Row[] => {
  if (Array.isArray(result)) return result as Row[];
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) return result.rows as Row[];
  throw new Error('the SQL executor returned neither rows nor a result with rows');
};
