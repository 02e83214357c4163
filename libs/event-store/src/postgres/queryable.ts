import type { QueryResult, QueryResultRow } from 'pg';

/** What the adapter needs from a pg Pool (or a PGlite-backed one): single queries, no held clients. */
export interface Queryable {
  query<Row extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<Row>>;
}
