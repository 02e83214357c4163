import type { Pool } from 'pg';

/** Every row of each table as canonical JSON text, sorted: an order-independent picture of a read model. */
export const rowsOf = async (pool: Pool, tables: readonly string[]): Promise<Map<string, string[]>> => {
  const pictures = new Map<string, string[]>();
  for (const table of tables) {
    const { rows } = await pool.query<{ row: string }>(`select to_jsonb(t)::text as row from ${table} t`);
    pictures.set(table, rows.map((row) => row.row).sort());
  }
  return pictures;
};

/** What one picture has that the other has not, per table (empty lists when they hold the same rows). */
export const differences = (was: Map<string, string[]>, is: Map<string, string[]>): Record<string, { missing: string[]; extra: string[] }> =>
  Object.fromEntries(
    [...was].map(([table, before]) => {
      const after = is.get(table) ?? [];
      const [beforeSet, afterSet] = [new Set(before), new Set(after)];
      return [table, { missing: before.filter((row) => !afterSet.has(row)).slice(0, 5), extra: after.filter((row) => !beforeSet.has(row)).slice(0, 5) }];
    }),
  );

export const nothingDiffers = (tables: readonly string[]): Record<string, { missing: string[]; extra: string[] }> =>
  Object.fromEntries(tables.map((table) => [table, { missing: [], extra: [] }]));

/** Where a service's log ends, and where each of its checkpoints is. */
export const positions = async (pool: Pool, service: string): Promise<{ head: bigint; checkpoints: Map<string, bigint> }> => {
  const { rows: heads } = await pool.query<{ head: string | null }>(`select max(position)::text as head from ${service}.events`);
  const { rows } = await pool.query<{ name: string; position: string }>(`select name, position::text as position from ${service}.checkpoints`);
  return { head: BigInt(heads[0]?.head ?? 0), checkpoints: new Map(rows.map((row) => [row.name, BigInt(row.position)])) };
};
