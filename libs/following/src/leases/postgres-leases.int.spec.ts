import { FencedCheckpoints } from '../checkpoints/fenced-checkpoints';
import { LeaseLost } from '../faults';
import { CuttablePool, followingSchema, type FollowingSchema } from '../testing/following-test-kit';
import { PostgresLeases } from './postgres-leases';

const within = async <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

describe('one owner per follower: leases with a fencing token', () => {
  let db: FollowingSchema;
  const pools: CuttablePool[] = [];
  const managers: PostgresLeases[] = [];
  const replica = (ttlMs = 1_500): { leases: PostgresLeases; pool: CuttablePool } => {
    const pool = new CuttablePool();
    const leases = new PostgresLeases({ pool, ttlMs, tickMs: 200 });
    pools.push(pool);
    managers.push(leases);
    return { leases, pool };
  };
  const never = new AbortController().signal;

  beforeEach(async () => {
    db = await followingSchema('leases');
  });
  afterEach(async () => {
    for (const pool of pools) pool.mend();
    await Promise.all(managers.splice(0).map((leases) => leases.stop()));
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
    await db.drop();
  });

  it('is held by exactly one of three replicas that ask at the same instant', async () => {
    const replicas = [replica(), replica(), replica()];
    const asking = replicas.map(({ leases }) => leases.acquire(db.schema, 'projections:workflow', never));
    const first = await Promise.race(asking);
    await new Promise((resolve) => setTimeout(resolve, 800)); // several ticks of everyone
    const holders = replicas.filter(({ leases }) => leases.status().some((status) => status.held));
    expect(holders).toHaveLength(1);
    expect(holders[0]!.leases.owner).toBe(first.owner);
  });

  it('passes to a standby at its next look once the owner gives it back, with a greater token', async () => {
    const owner = replica();
    const standby = replica();
    const held = await owner.leases.acquire(db.schema, 'relay:intake', never);
    const waiting = standby.leases.acquire(db.schema, 'relay:intake', never);
    await owner.leases.release(held);
    const taken = await within(2_000, waiting);
    expect(BigInt(taken.token)).toBeGreaterThan(BigInt(held.token));
    expect(held.lost.aborted).toBe(true);
  });

  it('passes to a standby within the TTL when the owner is cut off, and the cut-off owner gives its term up by itself', async () => {
    const owner = replica(1_500);
    const standby = replica(1_500);
    const held = await owner.leases.acquire(db.schema, 'workflow.sla-timers', never);
    owner.pool.sever();
    const started = Date.now();
    const taken = await within(5_000, standby.leases.acquire(db.schema, 'workflow.sla-timers', never));
    expect(Date.now() - started).toBeLessThan(1_500 + 1_000);
    expect(taken.owner).not.toBe(held.owner);
    await within(3_000, new Promise<void>((resolve) => (held.lost.aborted ? resolve() : held.lost.addEventListener('abort', () => resolve()))));
  });

  it("refuses a checkpoint written under a term that has ended, so a cut-off owner's batch rolls back", async () => {
    const owner = replica(1_000);
    const standby = replica(1_000);
    const checkpoints = new FencedCheckpoints(db.schema);
    const oldTerm = await owner.leases.acquire(db.schema, 'projections:intake', never);
    await checkpoints.save(db.admin, oldTerm, ['intake.case-record'], 10n);
    owner.pool.sever(); // its renewals stop; its data connection (db.admin here) still works, as in a partition
    const newTerm = await within(5_000, standby.leases.acquire(db.schema, 'projections:intake', never));
    await expect(checkpoints.save(db.admin, oldTerm, ['intake.case-record'], 20n)).rejects.toBeInstanceOf(LeaseLost);
    await checkpoints.save(db.admin, newTerm, ['intake.case-record'], 15n);
    expect((await checkpoints.load(db.admin, ['intake.case-record'])).get('intake.case-record')).toBe(15n);
  });

  it('moves checkpoints only forward', async () => {
    const owner = replica();
    const checkpoints = new FencedCheckpoints(db.schema);
    const term = await owner.leases.acquire(db.schema, 'projections:workflow', never);
    await checkpoints.save(db.admin, term, ['a', 'b'], 50n);
    await checkpoints.save(db.admin, term, ['a', 'b'], 40n);
    expect([...(await checkpoints.load(db.admin, ['a', 'b', 'c'])).entries()]).toEqual([
      ['a', 50n],
      ['b', 50n],
      ['c', 0n],
    ]);
  });
});
