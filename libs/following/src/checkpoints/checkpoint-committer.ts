import { LeaseLost } from '../faults';
import type { LeaseTerm } from '../leases/lease';
import { quoteSchema, rowsOf, type SqlExecutor } from '../sql';

interface Waiting {
  readonly term: LeaseTerm;
  readonly names: readonly string[];
  /** Read when the statement is built, so the save carries the follower's latest position. */
  readonly position: () => bigint;
  readonly settled: Array<{ resolve: (position: bigint) => void; reject: (error: unknown) => void }>;
}

const settleAll = (entry: Waiting, outcome: { position: bigint } | { error: unknown }): void => {
  for (const { resolve, reject } of entry.settled) {
    if ('position' in outcome) resolve(outcome.position);
    else reject(outcome.error);
  }
};

/**
 * The checkpoints that followers save lazily (process managers, consumers, relays, skipped
 * stretches: DESIGN §3 "every N events or ~250 ms"), written for all of a home's followers in one
 * statement per tick instead of one per follower. Each row is fenced as FencedCheckpoints fences
 * it — by its own lease's token, under a share lock — and only moves forward; a follower whose
 * lease was lost gets LeaseLost, the others are saved.
 */
export class CheckpointCommitter {
  private readonly table: string;
  private readonly leases: string;
  private waiting = new Map<string, Waiting>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly home: string,
    private readonly db: SqlExecutor,
    private readonly afterMs: number,
  ) {
    this.table = `${quoteSchema(home)}.checkpoints`;
    this.leases = `${quoteSchema(home)}.leases`;
  }

  /** Saves `names` at the follower's position as of the next tick; resolves with the position saved. */
  save(term: LeaseTerm, names: readonly string[], position: () => bigint): Promise<bigint> {
    return new Promise((resolve, reject) => {
      const key = `${term.name}\u0000${term.token}`;
      const entry = this.waiting.get(key) ?? { term, names, position, settled: [] };
      entry.settled.push({ resolve, reject });
      this.waiting.set(key, entry);
      this.timer ??= setTimeout(() => void this.flush(), this.afterMs);
    });
  }

  /** Writes whatever waits now (a follower stopping does not wait for the tick). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const entries = [...this.waiting.values()];
    this.waiting = new Map();
    if (entries.length === 0) return;
    const positions = entries.map((entry) => entry.position());
    const rows = entries.flatMap((entry, index) =>
      entry.names.map((name) => ({ name, position: positions[index]!.toString(), lease: entry.term.name, token: entry.term.token, owner: entry.term.owner })),
    );
    try {
      const saved = new Set(
        rowsOf<{ name: string }>(
          await this.db.query(
            `INSERT INTO ${this.table} (name, position)
             SELECT c.name, c.position FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[]) AS c(name, position, lease, owner, token)
             WHERE EXISTS (SELECT 1 FROM ${this.leases} l WHERE l.name = c.lease AND l.owner = c.owner AND l.token = c.token FOR SHARE)
             ON CONFLICT (name) DO UPDATE SET position = GREATEST(${this.table}.position, excluded.position)
             RETURNING name`,
            [rows.map((row) => row.name), rows.map((row) => row.position), rows.map((row) => row.lease), rows.map((row) => row.owner), rows.map((row) => row.token)],
          ),
        ).map((row) => row.name),
      );
      for (const [index, entry] of entries.entries())
        settleAll(entry, entry.names.every((name) => saved.has(name)) ? { position: positions[index]! } : { error: new LeaseLost(entry.term.name) });
    } catch (error) {
      for (const entry of entries) settleAll(entry, { error });
    }
  }
}
