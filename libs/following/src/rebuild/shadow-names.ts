import { quoteSchema } from '../sql';

/** A read-model table as projections name it in SQL: `schema.table`. */
export interface TableName {
  readonly schema: string;
  readonly table: string;
}

const PLAIN = /^[a-z_][a-z0-9_]{0,62}$/;

export const parseTableName = (qualified: string): TableName => {
  const [schema, table, ...rest] = qualified.split('.');
  if (schema === undefined || table === undefined || rest.length > 0 || !PLAIN.test(schema) || !PLAIN.test(table))
    throw new Error(`not a plain schema-qualified table name: ${JSON.stringify(qualified)}`);
  return { schema, table };
};

export const qualified = ({ schema, table }: TableName): string => `${quoteSchema(schema)}."${table}"`;

/** The schema a rebuild writes a service's shadow tables into (`workflow` → `workflow_rebuild`). */
export const shadowSchemaOf = (schema: string): string => {
  const shadow = `${schema}_rebuild`;
  quoteSchema(shadow);
  return shadow;
};

/** A projection wrote to a table of its service's schema that it did not declare: the rebuild would miss that table. */
export class UndeclaredWrite extends Error {
  override readonly name = 'UndeclaredWrite';
  constructor(readonly table: string) {
    super(`the projection writes ${table}, which it does not list in its tables: declare it, or the rebuild would leave it out`);
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An identifier as SQL may spell it: bare or double-quoted. */
const identifier = (name: string): string => `(?:"${escape(name)}"|${escape(name)})`;

/**
 * The rename map of a rebuild (docs/adr/0011): every statement a projection runs in a rebuild's
 * transaction — TypeORM's (`"workflow"."case_view"`) and hand-written SQL (`workflow.case_view`)
 * alike — names the shadow tables (`"workflow_rebuild"."case_view"`) instead of the live ones it
 * owns. Tables it only reads (the calendars another consumer keeps) keep their live names. A write
 * to any other table of the same schema throws UndeclaredWrite before it runs, so a projection that
 * forgot to declare a table cannot leave it out of a rebuild unnoticed.
 */
export class ShadowNames {
  readonly tables: readonly TableName[];
  private readonly renames: readonly { readonly pattern: RegExp; readonly shadow: string }[];
  private readonly liveWrite: RegExp | undefined;

  constructor(tables: readonly string[]) {
    this.tables = tables.map(parseTableName);
    this.renames = this.tables.map((name) => ({
      // Not preceded by an identifier character, a quote or a dot; not followed by one either.
      pattern: new RegExp(`(?<![\\w".])${identifier(name.schema)}\\s*\\.\\s*${identifier(name.table)}(?![\\w"])`, 'gi'),
      shadow: qualified(this.shadowOf(name)),
    }));
    const schemas = [...new Set(this.tables.map((name) => name.schema))];
    this.liveWrite =
      schemas.length === 0
        ? undefined
        : new RegExp(`\\b(?:insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?)\\s+(?:only\\s+)?(${schemas.map(identifier).join('|')})\\s*\\.\\s*("?\\w+"?)`, 'gi');
  }

  shadowOf(name: TableName): TableName {
    return { schema: shadowSchemaOf(name.schema), table: name.table };
  }

  /** The statement with the owned tables renamed to their shadows; throws UndeclaredWrite for a write to another live table. */
  rewrite(sql: string): string {
    let rewritten = sql;
    for (const { pattern, shadow } of this.renames) rewritten = rewritten.replace(pattern, shadow);
    this.refuseLiveWrites(rewritten);
    return rewritten;
  }

  private refuseLiveWrites(sql: string): void {
    if (!this.liveWrite) return;
    for (const match of sql.matchAll(this.liveWrite)) {
      const [, schema = '', table = ''] = match;
      throw new UndeclaredWrite(`${schema.replace(/"/g, '')}.${table.replace(/"/g, '')}`);
    }
  }
}
