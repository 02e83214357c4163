import { rowsOf, type SqlExecutor } from '../sql';
import { qualified, type TableName } from './shadow-names';

/** A constraint of a table as the catalog states it: `ALTER TABLE … ADD CONSTRAINT <name> <definition>` makes it again. */
export interface ConstraintPart {
  readonly name: string;
  readonly kind: 'p' | 'u' | 'x' | 'c' | 'f';
  readonly definition: string;
}

/** An index that backs no constraint: its CREATE statement, table name left out (`ON <table>`). */
export interface IndexPart {
  readonly name: string;
  readonly unique: boolean;
  /** pg_get_indexdef with the table written as `%TABLE%`. */
  readonly definition: string;
}

/** What a rebuild must reproduce of a table besides its rows, by name: columns, constraints, indexes. */
export interface TableStructure {
  readonly columns: readonly string[];
  readonly constraints: readonly ConstraintPart[];
  readonly indexes: readonly IndexPart[];
  /** Why the table cannot be copied faithfully, if it cannot: a foreign key, a sequence it owns, a partitioned table. */
  readonly refusals: readonly string[];
}

export const TABLE_PLACEHOLDER = '%TABLE%';

const columnsSql = `
  select a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else '' end
         || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') || case when a.attidentity <> '' then ' identity' else '' end
         || case when a.attgenerated <> '' then ' generated' else '' end as line
    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
   where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
   order by a.attnum`;

const constraintsSql = `
  select conname as name, contype as kind, pg_get_constraintdef(oid) as definition
    from pg_constraint where conrelid = $1::regclass and contype in ('p', 'u', 'x', 'c', 'f') order by conname`;

const indexesSql = `
  select i.relname as name, x.indisunique as unique, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid
   where x.indrelid = $1::regclass
     and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid)
   order by i.relname`;

const refusalsSql = `
  select 'it is partitioned' as why from pg_class where oid = $1::regclass and relkind <> 'r'
  union all select 'column ' || a.attname || ' draws from a sequence (' || pg_get_expr(d.adbin, d.adrelid) || ')'
    from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
   where d.adrelid = $1::regclass and pg_get_expr(d.adbin, d.adrelid) like 'nextval(%'
  union all select 'foreign key ' || conname || ' of ' || conrelid::regclass::text || ' refers to it'
    from pg_constraint where confrelid = $1::regclass and contype = 'f'
  union all select 'its foreign key ' || conname || ' refers to ' || confrelid::regclass::text
    from pg_constraint where conrelid = $1::regclass and contype = 'f'`;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `CREATE INDEX n ON [ONLY] schema.table USING …` → `CREATE INDEX n ON %TABLE% USING …`, whatever the quoting. */
const withoutTable = (definition: string, name: TableName): string => {
  const part = (identifier: string) => `(?:"${escape(identifier)}"|${escape(identifier)})`;
  return definition.replace(new RegExp(` ON (ONLY )?(?:${part(name.schema)}\\.)?${part(name.table)} USING `), ` ON $1${TABLE_PLACEHOLDER} USING `);
};

/** The structure of `name` as the catalog has it now. */
export const readStructure = async (db: SqlExecutor, name: TableName): Promise<TableStructure> => {
  const relation = [qualified(name)];
  const columns = rowsOf<{ line: string }>(await db.query(columnsSql, relation)).map((row) => row.line);
  const constraints = rowsOf<ConstraintPart>(await db.query(constraintsSql, relation));
  const indexes = rowsOf<IndexPart>(await db.query(indexesSql, relation)).map((index) => ({ ...index, definition: withoutTable(index.definition, name) }));
  const refusals = rowsOf<{ why: string }>(await db.query(refusalsSql, relation)).map((row) => row.why);
  return { columns, constraints, indexes, refusals };
};

const linesOf = (structure: TableStructure): string[] => [
  ...structure.columns.map((line) => `column ${line}`),
  ...structure.constraints.map((part) => `constraint ${part.name} ${part.definition}`),
  ...structure.indexes.map((part) => `index ${part.definition}`),
];

/** What one structure has that the other has not, line by line (`-` live only, `+` shadow only). */
export const structureDifferences = (live: TableStructure, shadow: TableStructure): string[] => {
  const [was, is] = [linesOf(live), linesOf(shadow)];
  return [...was.filter((line) => !is.includes(line)).map((line) => `- ${line}`), ...is.filter((line) => !was.includes(line)).map((line) => `+ ${line}`)];
};
