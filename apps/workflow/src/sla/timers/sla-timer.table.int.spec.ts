import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { LeaseLost, PostgresLeases, type LeaseTerm } from '@collab/following';
import { migrateSchema, type Database } from '@collab/service-kit';
import { freshDatabase, type FreshDatabase } from '@collab/testing';
import { WORKFLOW_MIGRATIONS } from '../../migrations/workflow.migrations';
import { SlaTimerTable } from './sla-timer.table';

/*
 * The timer table under the dispatcher's lease `workflow.sla-timers`, on PostgreSQL: claims name the
 * term that made them, so the next owner takes a dead owner's claims at once instead of after the
 * claim's minute, and a term that has ended is refused at every write. (Before: a replica SIGKILLed
 * between recording a firing and marking it held its other claimed timers back for 60 s of the
 * clock after another replica had taken its lease.)
 */

const LEASE = 'workflow.sla-timers';
const NOW = new Date('2026-11-30T03:00:00.000Z');
const IN_A_MINUTE = new Date(NOW.getTime() + 60_000);
const never = new AbortController().signal;

describe('the SLA timer table, fenced by the dispatcher’s lease term', () => {
  let database: FreshDatabase;
  let pool: Pool;
  let table: SlaTimerTable;
  const keepers: PostgresLeases[] = [];

  /** A replica's lease keeper. */
  const replica = (): PostgresLeases => {
    const leases = new PostgresLeases({ pool, ttlMs: 600, tickMs: 100 });
    keepers.push(leases);
    return leases;
  };
  /** The term `next` gets once `previous` is gone: its keeper stops, and the terms it handed out are over. */
  const takeover = async (previous: PostgresLeases, next: PostgresLeases): Promise<LeaseTerm> => {
    await previous.stop();
    return next.acquire('workflow', LEASE, never);
  };
  const dueTimer = async (): Promise<string> => {
    const id = randomUUID();
    await pool.query(
      `insert into workflow.sla_timer (id, case_id, clock_key, started_at, kind, level, due_at, correlation_id, scheduled_by)
       values ($1, $2, 'case:response', $3, 'WARN', 0, $3, 'corr', $4)`,
      [id, randomUUID(), new Date(NOW.getTime() - 60_000), randomUUID()],
    );
    return id;
  };
  const rowOf = async (id: string) =>
    (await pool.query<{ fired_at: Date | null; claimed_by: string | null }>('select fired_at, claimed_by::text from workflow.sla_timer where id = $1', [id])).rows[0]!;

  beforeEach(async () => {
    database = await freshDatabase('sla_timer_table');
    pool = new Pool({ connectionString: database.url, max: 4 });
    const asDatabase: Database = { pool, embedded: false, description: 'test', close: () => Promise.resolve() };
    await migrateSchema(asDatabase, 'workflow', WORKFLOW_MIGRATIONS);
    table = new SlaTimerTable(asDatabase);
  });
  afterEach(async () => {
    for (const leases of keepers.splice(0)) await leases.stop();
    await pool?.end();
    await database?.drop();
  });

  it('lets the next owner of the lease take a dead owner’s claims at once, not after the claim’s minute', async () => {
    const [first, second] = [replica(), replica()];
    const dead = await first.acquire('workflow', LEASE, never);
    const timers = [await dueTimer(), await dueTimer()];
    expect((await table.claimDue(dead, NOW, IN_A_MINUTE, 10)).map((timer) => timer.id).sort()).toEqual([...timers].sort());

    const next = await takeover(first, second);
    // The same instant by the clock: the dead owner's claims still run for a minute.
    const taken = await table.claimDue(next, NOW, IN_A_MINUTE, 10);
    expect(taken.map((timer) => timer.id).sort()).toEqual([...timers].sort());
    await table.markFired(next, timers[0]!, NOW);
    expect(await rowOf(timers[0]!)).toEqual({ fired_at: NOW, claimed_by: next.token });
  });

  it('never takes a live claim of the term that holds the lease', async () => {
    const owner = await replica().acquire('workflow', LEASE, never);
    await dueTimer();
    expect(await table.claimDue(owner, NOW, IN_A_MINUTE, 10)).toHaveLength(1);
    expect(await table.claimDue(owner, NOW, IN_A_MINUTE, 10)).toEqual([]);
  });

  it('refuses every write of a term that has ended: no claim, no mark, no release', async () => {
    const [first, second] = [replica(), replica()];
    const stale = await first.acquire('workflow', LEASE, never);
    const [claimedBefore, dueLater] = [await dueTimer(), await dueTimer()];
    await pool.query('update workflow.sla_timer set due_at = $2 where id = $1', [dueLater, IN_A_MINUTE]);
    await table.claimDue(stale, NOW, IN_A_MINUTE, 10);
    await takeover(first, second);

    await expect(table.markFired(stale, claimedBefore, NOW)).rejects.toBeInstanceOf(LeaseLost);
    await expect(table.markCancelled(stale, claimedBefore, NOW)).rejects.toBeInstanceOf(LeaseLost);
    await expect(table.release(stale, claimedBefore)).rejects.toBeInstanceOf(LeaseLost);
    expect(await table.claimDue(stale, IN_A_MINUTE, new Date(IN_A_MINUTE.getTime() + 60_000), 10)).toEqual([]);
    expect(await rowOf(claimedBefore)).toEqual({ fired_at: null, claimed_by: stale.token });
  });

  it('refuses a mark of a timer that a later term has claimed', async () => {
    const [first, second] = [replica(), replica()];
    const stale = await first.acquire('workflow', LEASE, never);
    const timer = await dueTimer();
    await table.claimDue(stale, NOW, IN_A_MINUTE, 10);
    const next = await takeover(first, second);
    await table.claimDue(next, NOW, IN_A_MINUTE, 10);
    await expect(table.markFired(stale, timer, NOW)).rejects.toBeInstanceOf(LeaseLost);
    expect(await rowOf(timer)).toEqual({ fired_at: null, claimed_by: next.token });
  });
});
