import { quoteSchema, rowsOf, type SqlExecutor } from '../sql';
import { qualified, type ShadowNames, type TableName } from './shadow-names';
import { readStructure, structureDifferences, TABLE_PLACEHOLDER, type IndexPart } from './table-structure';

/** A table the rebuild cannot copy faithfully (docs/adr/0011 says what is supported). */
export class UnsupportedTable extends Error {
  override readonly name = 'UnsupportedTable';
}

/** The live tables changed while the rebuild ran (a migration, an index made by hand): the shadows would undo it. */
export class StructureChanged extends Error {
  override readonly name = 'StructureChanged';
  constructor(readonly differences: readonly string[]) {
    super(`the live tables changed while the rebuild ran; run it again:\n  ${differences.join('\n  ')}`);
  }
}

const label = ({ schema, table }: TableName): string => `${schema}.${table}`;

/**
 * The shadow tables of a rebuild (docs/adr/0011): one per table the projection owns, in the
 * schema `<schema>_rebuild`, with the live table's columns, defaults, NOT NULL and CHECK
 * constraints, and its keys and indexes under the very same names (an index is named within its
 * schema, so the names are free there). Keys and unique indexes are made at once (upserts need
 * them); the other indexes once the history is in, which costs less than keeping them up row by row.
 * Until then the tables are unlogged: a crash loses them, and a rebuild starts over anyway.
 * The swap drops the live tables and moves the shadows into the live schema, names and all, in the
 * caller's transaction: a later migration finds every index and constraint where it expects it.
 */
export class ShadowTables {
  private deferred: { readonly table: TableName; readonly index: IndexPart }[] = [];

  constructor(private readonly names: ShadowNames) {}

  get tables(): readonly TableName[] {
    return this.names.tables;
  }

  /** Fresh shadow schemas holding empty copies of the owned tables; leftovers of an interrupted rebuild go first. */
  async create(db: SqlExecutor): Promise<void> {
    for (const schema of this.shadowSchemas()) await db.query(`DROP SCHEMA IF EXISTS ${quoteSchema(schema)} CASCADE; CREATE SCHEMA ${quoteSchema(schema)}`);
    this.deferred = [];
    for (const table of this.tables) await this.copy(db, table);
  }

  /**
   * Once the history is in: the indexes left for later, the tables written to the WAL once (so they
   * are as durable and replicated as the live ones from here on), their statistics gathered.
   */
  async complete(db: SqlExecutor): Promise<void> {
    for (const { table, index } of this.deferred.splice(0)) await db.query(this.createIndex(table, index));
    for (const table of this.tables) {
      const shadow = qualified(this.names.shadowOf(table));
      await db.query(`ALTER TABLE ${shadow} SET LOGGED`);
      await db.query(`ANALYZE ${shadow}`);
    }
  }

  /** Lines by which a shadow's structure differs from its live table's now; empty when they match. */
  async differences(db: SqlExecutor): Promise<string[]> {
    const found: string[] = [];
    for (const table of this.tables) {
      const [live, shadow] = [await readStructure(db, table), await readStructure(db, this.names.shadowOf(table))];
      found.push(...structureDifferences(live, shadow).map((line) => `${label(table)}: ${line}`));
    }
    return found;
  }

  /** In the caller's transaction: the live tables go, the shadows take their place and names. */
  async swap(db: SqlExecutor): Promise<void> {
    const differences = await this.differences(db);
    if (differences.length > 0) throw new StructureChanged(differences);
    await db.query(`DROP TABLE ${this.tables.map(qualified).join(', ')}`);
    for (const table of this.tables) await db.query(`ALTER TABLE ${qualified(this.names.shadowOf(table))} SET SCHEMA ${quoteSchema(table.schema)}`);
    for (const schema of this.shadowSchemas()) await db.query(`DROP SCHEMA ${quoteSchema(schema)}`);
  }

  /** Forgets an unfinished rebuild's shadows. */
  async drop(db: SqlExecutor): Promise<void> {
    for (const schema of this.shadowSchemas()) await db.query(`DROP SCHEMA IF EXISTS ${quoteSchema(schema)} CASCADE`);
  }

  /** Rows of each owned table (after the swap: of the rebuilt ones). */
  async rowCounts(db: SqlExecutor): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const table of this.tables) {
      const [row] = rowsOf<{ rows: string }>(await db.query(`SELECT count(*)::text AS rows FROM ${qualified(table)}`));
      counts.set(label(table), Number(row?.rows ?? 0));
    }
    return counts;
  }

  private shadowSchemas(): string[] {
    return [...new Set(this.tables.map((table) => this.names.shadowOf(table).schema))];
  }

  private async copy(db: SqlExecutor, table: TableName): Promise<void> {
    const structure = await readStructure(db, table);
    if (structure.refusals.length > 0) throw new UnsupportedTable(`${label(table)} cannot be rebuilt into a shadow table: ${structure.refusals.join('; ')}`);
    const shadow = qualified(this.names.shadowOf(table));
    // LIKE copies columns, defaults, NOT NULL and CHECK constraints (with their names), identity and storage.
    // Unlogged while the history goes in (no WAL for rows rewritten batch after batch); logged before the swap.
    await db.query(`CREATE UNLOGGED TABLE ${shadow} (LIKE ${qualified(table)} INCLUDING ALL EXCLUDING INDEXES)`);
    for (const constraint of structure.constraints.filter((part) => part.kind !== 'c'))
      await db.query(`ALTER TABLE ${shadow} ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`);
    for (const index of structure.indexes)
      if (index.unique) await db.query(this.createIndex(table, index));
      else this.deferred.push({ table, index });
  }

  private createIndex(table: TableName, index: IndexPart): string {
    return index.definition.replace(TABLE_PLACEHOLDER, qualified(this.names.shadowOf(table)));
  }
}
