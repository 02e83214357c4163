import type { QueryResultRow } from 'pg';
import type { Queryable } from '@collab/event-store';
import { LeaseLost } from '../faults';
import type { LeaseTerm } from '../leases/lease';
import { quoteSchema } from '../sql';

/**
 * The columns every durable timer table has (docs/adr/0007): `id`, `due_at`, `fired_at`,
 * `cancelled_at`, `claimed_until` (a claim's lease by the injected clock) and `claimed_by` (the
 * fencing token of the dispatcher's lease term that claimed it). What a timer is about lives in
 * the table's other columns, which each service names in `returning`.
 */
export interface TimerTableShape {
  /** The schema that holds both the table and the dispatcher's lease row. */
  readonly schema: string;
  readonly table: string;
  /** The columns a claim returns, e.g. `id, case_id, kind, due_at`. */
  readonly returning: string;
}

/**
 * The term's lease row, locked for share as FencedCheckpoints locks it: a replica taking the lease
 * over bumps the token with an update that waits for this statement, or this statement sees the new
 * token and changes nothing. ($1 lease name, $2 owner, $3 token.)
 */
const termHolds = (schema: string): string =>
  `exists (select 1 from ${quoteSchema(schema)}.leases where name = $1 and owner = $2 and token = $3::bigint for share)`;

const termParameters = (term: LeaseTerm): unknown[] => [term.name, term.owner, term.token];

const plainName = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain table name: ${JSON.stringify(name)}`);
  return name;
};

/**
 * A durable timer table, claimed and settled in single statements, each fenced by the dispatcher's
 * lease term: a term that has ended claims nothing and its writes are refused (LeaseLost).
 */
export class FencedTimerTable<Row extends QueryResultRow> {
  private readonly table: string;
  private readonly holds: string;

  constructor(
    private readonly pool: Queryable,
    private readonly shape: TimerTableShape,
  ) {
    this.table = `${quoteSchema(shape.schema)}.${plainName(shape.table)}`;
    this.holds = termHolds(shape.schema);
  }

  /**
   * Claims up to `limit` timers due by `now` that no live claim holds, until `leaseUntil`. A claim
   * made under an older term of the lease is no live claim: its dispatcher died or was cut off, and
   * the new owner takes its timers at once. One statement: SKIP LOCKED, and no transaction stays
   * open while a timer fires — on the embedded single connection that would block the very appends
   * the firing makes.
   */
  async claimDue(term: LeaseTerm, now: Date, leaseUntil: Date, limit: number): Promise<Row[]> {
    const { rows } = await this.pool.query<Row>(
      `update ${this.table} set claimed_until = $5, claimed_by = $3::bigint
        where id in (select id from ${this.table}
                      where fired_at is null and cancelled_at is null and due_at <= $4
                        and (claimed_until is null or claimed_until <= $4 or claimed_by < $3::bigint)
                      order by due_at limit $6 for update skip locked)
          and ${this.holds}
        returning ${this.shape.returning}`,
      [...termParameters(term), now, leaseUntil, limit],
    );
    return rows;
  }

  /** Whether any timer not yet fired or cancelled is due by `now`, whoever claims it: a look that locks and writes nothing. */
  async anyDue(now: Date): Promise<boolean> {
    const { rows } = await this.pool.query(
      `select 1 from ${this.table} where fired_at is null and cancelled_at is null and due_at <= $1 limit 1`,
      [now],
    );
    return rows.length > 0;
  }

  /** It fired: whatever cancelled it meanwhile, the event was recorded. */
  markFired(term: LeaseTerm, id: string, at: Date): Promise<void> {
    return this.settled(term, id, 'fired_at = $5, cancelled_at = null', at);
  }

  markCancelled(term: LeaseTerm, id: string, at: Date): Promise<void> {
    // A timer that fired stays fired.
    return this.settled(term, id, 'cancelled_at = case when fired_at is null then coalesce(cancelled_at, $5) end', at);
  }

  /** Gives a claim back (not due yet, or stopping): the next pass looks again. */
  release(term: LeaseTerm, id: string): Promise<void> {
    return this.settled(term, id, 'claimed_by = claimed_by');
  }

  /**
   * Ends this term's claim on the timer with `change`. Refused — LeaseLost — when the term no
   * longer holds the lease or a later term has claimed the timer: whatever this term was doing
   * is now the new owner's to do.
   */
  private async settled(term: LeaseTerm, id: string, change: string, at?: Date): Promise<void> {
    const { rowCount } = await this.pool.query(
      `update ${this.table} set ${change}, claimed_until = null
        where id = $4 and claimed_by = $3::bigint and ${this.holds}`,
      [...termParameters(term), id, ...(at ? [at] : [])],
    );
    if (rowCount === 0) throw new LeaseLost(term.name);
  }
}
