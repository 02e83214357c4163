import type { EntityManager, EntityMetadata, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { fromExcluded, upsertRows, type ColumnTypes } from '@collab/following';

const typeOf = (column: ColumnMetadata): string => {
  if (column.isArray || typeof column.type !== 'string') throw new Error(`${column.propertyName}: only scalar columns named by their PostgreSQL type are batched`);
  return column.type;
};

/** Where a projection keeps an entity's rows: read by a column's values, written back guarded by a version. */
export interface RowStore<Row extends object> {
  whereIn(property: keyof Row & string, values: readonly unknown[]): Promise<Row[]>;
  upsert(rows: readonly Row[], guard: keyof Row & string): Promise<void>;
}

/**
 * An entity's rows read and written a batch at a time, by its TypeORM column metadata: a projection
 * loads the rows its batch touches in one statement, changes them in memory event by event, and
 * writes the changed ones back in one multi-row upsert guarded by their version.
 */
export class EntityRows<Row extends object> implements RowStore<Row> {
  private readonly metadata: EntityMetadata;
  private readonly columns: ColumnTypes;

  constructor(
    private readonly tx: EntityManager,
    entity: EntityTarget<Row>,
  ) {
    this.metadata = tx.connection.getMetadata(entity);
    this.columns = Object.fromEntries(this.metadata.columns.map((column) => [column.databaseName, typeOf(column)]));
  }

  /** The stored rows whose `property` is one of `values`. */
  async whereIn(property: keyof Row & string, values: readonly unknown[]): Promise<Row[]> {
    if (values.length === 0) return [];
    const column = this.column(property);
    const selected = this.metadata.columns.map((each) => `${each.databaseName} AS "${each.propertyName}"`).join(', ');
    return this.tx.query<Row[]>(`SELECT ${selected} FROM ${this.metadata.tablePath} WHERE ${column.databaseName} = ANY($1::${typeOf(column)}[])`, [values]);
  }

  /** Inserts the rows, or overwrites stored ones whose `guard` property is lower (an older version). */
  async upsert(rows: readonly Row[], guard: keyof Row & string): Promise<void> {
    const keys = this.metadata.primaryColumns.map((column) => column.databaseName);
    const table = this.metadata.tablePath;
    const guardColumn = this.column(guard).databaseName;
    const set = fromExcluded(this.metadata.columns.map((column) => column.databaseName).filter((name) => !keys.includes(name)));
    const properties = Object.fromEntries(this.metadata.columns.map((column) => [column.databaseName, column.propertyName]));
    const onConflict = `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set} WHERE ${table}.${guardColumn} < excluded.${guardColumn}`;
    await upsertRows(this.tx, { table, columns: this.columns, onConflict, keys: properties }, rows as readonly Record<string, unknown>[]);
  }

  private column(property: string): ColumnMetadata {
    const column = this.metadata.columns.find((candidate) => candidate.propertyName === property);
    if (!column) throw new Error(`${this.metadata.name} has no column ${property}`);
    return column;
  }
}
