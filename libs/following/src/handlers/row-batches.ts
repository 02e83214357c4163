import type { SqlExecutor } from '../sql';

/** The columns of a multi-row statement, each with the PostgreSQL type its values travel as (scalars only). */
export type ColumnTypes = Readonly<Record<string, string>>;

export type Row = Readonly<Record<string, unknown>>;

/** A multi-row upsert into one table. */
export interface Upsert {
  readonly table: string;
  readonly columns: ColumnTypes;
  /** E.g. `ON CONFLICT (id) DO UPDATE SET … WHERE <table>.version < excluded.version`. */
  readonly onConflict: string;
  /**
   * jsonb columns whose values many rows share (the same object): each distinct value travels
   * once, and the rows refer to it by number — a batch of legs on one calendar sends it once.
   */
  readonly shared?: readonly string[];
  /** The rows' own names for columns, where they differ (an entity's property names). */
  readonly keys?: Readonly<Record<string, string>>;
}

/** The shared columns' distinct values, and rows that carry each one's number instead (1-based, as WITH ORDINALITY counts). */
const shareValues = (rows: readonly Row[], keys: readonly string[]): { rows: readonly Row[]; values: Map<string, string[]> } => {
  if (keys.length === 0) return { rows, values: new Map() };
  const numbered = new Map(keys.map((key) => [key, new Map<unknown, number>()]));
  const values = new Map(keys.map((key): [string, string[]] => [key, []]));
  const numberOf = (key: string, value: unknown): number | null => {
    if (value === undefined || value === null) return null;
    const known = numbered.get(key)!;
    if (!known.has(value)) known.set(value, values.get(key)!.push(JSON.stringify(value)));
    return known.get(value)!;
  };
  return { rows: rows.map((row) => ({ ...row, ...Object.fromEntries(keys.map((key) => [key, numberOf(key, row[key])])) })), values };
};

/**
 * Writes many rows in one statement: the rows travel as one JSON array (serialised natively, so
 * thousands of rows cost little) that `json_to_recordset` turns back into typed rows, then the
 * conflict clause: a projection writes a whole batch's changes to a table in one round trip and
 * stays idempotent by the guard it states.
 */
export const upsertRows = async (db: SqlExecutor, { table, columns, onConflict, ...options }: Upsert, rows: readonly Row[]): Promise<void> => {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const keyOf = (name: string): string => options.keys?.[name] ?? name;
  const shared = new Set(options.shared ?? []);
  const sharing = shareValues(rows, [...shared].map(keyOf));
  const params: unknown[] = [JSON.stringify(sharing.rows)];
  const types = names.map((name) => `"${keyOf(name)}" ${shared.has(name) ? 'int' : columns[name]!}`);
  const joins = [...shared].map(
    (name) => `LEFT JOIN unnest($${params.push(sharing.values.get(keyOf(name)))}::jsonb[]) WITH ORDINALITY AS shared_${name}(value, n) ON shared_${name}.n = u."${keyOf(name)}"`,
  );
  const selected = names.map((name) => (shared.has(name) ? `shared_${name}.value` : `u."${keyOf(name)}"`));
  await db.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${selected.join(', ')} FROM json_to_recordset($1::json) AS u(${types.join(', ')}) ${joins.join(' ')} ${onConflict}`, params);
};

/** `SET a = excluded.a, b = excluded.b` for an upsert's conflict clause. */
export const fromExcluded = (columns: readonly string[]): string => columns.map((column) => `${column} = excluded.${column}`).join(', ');
