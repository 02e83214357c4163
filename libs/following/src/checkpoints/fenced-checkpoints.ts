import { LeaseLost } from '../faults';
import type { LeaseTerm } from '../leases/lease';
import { quoteSchema, rowsOf, type SqlExecutor } from '../sql';

/**
 * Checkpoints that only move forward and only for the lease holder. The write checks the lease's
 * token under a share lock, in the same statement and the caller's transaction: a replica that
 * takes the lease over bumps the token with an update that waits for this transaction, so either
 * this write commits first (and the new owner starts after it) or it sees the new token and the
 * whole transaction rolls back with LeaseLost.
 */
export class FencedCheckpoints {
  private readonly table: string;
  private readonly leases: string;

  constructor(readonly home: string) {
    this.table = `${quoteSchema(home)}.checkpoints`;
    this.leases = `${quoteSchema(home)}.leases`;
  }

  /** Positions of `names` (0 for a name never checkpointed). */
  async load(db: SqlExecutor, names: readonly string[]): Promise<Map<string, bigint>> {
    const rows = rowsOf<{ name: string; position: string }>(
      await db.query(`SELECT name, position::text AS position FROM ${this.table} WHERE name = ANY($1::text[])`, [names]),
    );
    const found = new Map(rows.map((row) => [row.name, BigInt(row.position)]));
    return new Map(names.map((name) => [name, found.get(name) ?? 0n]));
  }

  /** Moves `names` to `position` (never back) if `term` still holds the lease; throws LeaseLost otherwise. */
  async save(db: SqlExecutor, term: LeaseTerm, names: readonly string[], position: bigint): Promise<void> {
    const rows = rowsOf<{ name: string }>(
      await db.query(
        `INSERT INTO ${this.table} (name, position)
         SELECT n, $2::bigint FROM unnest($1::text[]) AS n
         WHERE EXISTS (SELECT 1 FROM ${this.leases} WHERE name = $3 AND owner = $4 AND token = $5::bigint FOR SHARE)
         ON CONFLICT (name) DO UPDATE SET position = GREATEST(${this.table}.position, excluded.position)
         RETURNING name`,
        [names, position.toString(), term.name, term.owner, term.token],
      ),
    );
    if (rows.length !== names.length) throw new LeaseLost(term.name);
  }
}
