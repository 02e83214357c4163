import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Queryable } from '@collab/event-store';
import { quoteSchema } from '../sql';
import type { LeaseStatus, LeaseTerm, Leases } from './lease';

export interface PostgresLeasesOptions {
  readonly pool: Queryable;
  /** How long a lease lasts without renewal: the longest a dead owner's followers wait for another replica. */
  readonly ttlMs?: number;
  /** How often held leases are renewed and free ones looked for. */
  readonly tickMs?: number;
  /**
   * Take every wanted lease whoever holds it. Only for the embedded mode, where the data folder's
   * lock already makes this process the only one: a crashed predecessor's lease need not expire.
   */
  readonly takeOver?: boolean;
  readonly onError?: (error: unknown) => void;
}

interface Want {
  readonly home: string;
  readonly name: string;
  term: (LeaseTerm & { readonly end: AbortController }) | undefined;
  waiters: (() => void)[];
}

interface LeaseRow {
  readonly name: string;
  readonly token: string;
}

/**
 * Leases as rows `<home>.leases (name, owner, token, expires_at)`. One statement per home schema and
 * tick takes free or expired leases and renews held ones; the token grows whenever the owner
 * changes, and `INSERT … ON CONFLICT DO UPDATE … WHERE` re-checks the row it locked, so two replicas
 * racing for an expired lease cannot both win. When renewals fail for a whole TTL (the database is
 * away), this process gives its terms up: another replica may hold them by then.
 */
export class PostgresLeases implements Leases {
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly wants = new Map<string, Want>();
  private readonly ttlMs: number;
  private readonly tickMs: number;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private lastRenewal = Date.now();
  private stopped = false;

  constructor(private readonly options: PostgresLeasesOptions) {
    this.ttlMs = options.ttlMs ?? 6_000;
    this.tickMs = options.tickMs ?? Math.max(100, Math.floor(this.ttlMs / 3));
  }

  async acquire(home: string, name: string, signal: AbortSignal): Promise<LeaseTerm> {
    const key = `${home}/${name}`;
    const want = this.wants.get(key) ?? { home, name, term: undefined, waiters: [] };
    this.wants.set(key, want);
    for (;;) {
      signal.throwIfAborted();
      if (this.stopped) throw new Error('leases stopped');
      if (want.term && !want.term.lost.aborted) return want.term;
      await new Promise<void>((resolve) => {
        const done = (): void => {
          signal.removeEventListener('abort', done);
          resolve();
        };
        want.waiters.push(done);
        signal.addEventListener('abort', done, { once: true });
        this.tickSoon();
      });
    }
  }

  async release(term: LeaseTerm): Promise<void> {
    const key = `${term.home}/${term.name}`;
    const want = this.wants.get(key);
    if (want?.term?.token === term.token) {
      this.wants.delete(key);
      want.term.end.abort();
    }
    await this.options.pool
      .query(`UPDATE ${quoteSchema(term.home)}.leases SET expires_at = now() - interval '1 millisecond' WHERE name = $1 AND owner = $2 AND token = $3`, [term.name, this.owner, term.token])
      .catch((error: unknown) => this.options.onError?.(error));
  }

  status(): readonly LeaseStatus[] {
    return [...this.wants.values()].map((want) => ({ name: want.name, home: want.home, held: want.term !== undefined && !want.term.lost.aborted }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    const terms = [...this.wants.values()].flatMap((want) => (want.term ? [want.term] : []));
    await Promise.all(terms.map((term) => this.release(term)));
    for (const want of this.wants.values()) want.waiters.splice(0).forEach((wake) => wake());
    this.wants.clear();
  }

  private tickSoon(): void {
    if (this.stopped || this.ticking) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), 0);
  }

  private tick(): void {
    if (this.stopped) return;
    this.ticking = this.renewAll()
      .catch((error: unknown) => this.failed(error))
      .finally(() => {
        this.ticking = undefined;
        if (!this.stopped && this.wants.size > 0) this.timer = setTimeout(() => this.tick(), this.tickMs);
      });
  }

  private async renewAll(): Promise<void> {
    const homes = new Map<string, Want[]>();
    for (const want of this.wants.values()) homes.set(want.home, [...(homes.get(want.home) ?? []), want]);
    for (const [home, wants] of homes) this.settle(wants, await this.claim(home, wants.map((want) => want.name)));
    this.lastRenewal = Date.now();
  }

  private async claim(home: string, names: readonly string[]): Promise<readonly LeaseRow[]> {
    const table = `${quoteSchema(home)}.leases`;
    const { rows } = await this.options.pool.query<LeaseRow>(
      `INSERT INTO ${table} (name, owner, token, expires_at)
       SELECT n, $2, 1, now() + $3 * interval '1 millisecond' FROM unnest($1::text[]) AS n
       ON CONFLICT (name) DO UPDATE
         SET owner = excluded.owner,
             token = CASE WHEN ${table}.owner = excluded.owner THEN ${table}.token ELSE ${table}.token + 1 END,
             expires_at = excluded.expires_at
         WHERE ${table}.owner = excluded.owner OR ${table}.expires_at < now() OR $4
       RETURNING name, token::text AS token`,
      [names, this.owner, this.ttlMs, this.options.takeOver === true],
    );
    return rows;
  }

  /** Compares what the tick won with what was held: new terms wake their waiters, vanished ones end. */
  private settle(wants: readonly Want[], rows: readonly LeaseRow[]): void {
    const won = new Map(rows.map((row) => [row.name, row.token]));
    for (const want of wants) {
      const token = won.get(want.name);
      if (want.term && want.term.token !== token) {
        want.term.end.abort();
        want.term = undefined;
      }
      if (token !== undefined && !want.term) {
        const end = new AbortController();
        want.term = { name: want.name, home: want.home, owner: this.owner, token, lost: end.signal, end };
        want.waiters.splice(0).forEach((wake) => wake());
      }
    }
  }

  /** Renewals failing for a whole TTL: another replica may own these leases now, so stop acting on them. */
  private failed(error: unknown): void {
    this.options.onError?.(error);
    if (Date.now() - this.lastRenewal < this.ttlMs) return;
    for (const want of this.wants.values()) {
      want.term?.end.abort();
      want.term = undefined;
    }
  }
}
