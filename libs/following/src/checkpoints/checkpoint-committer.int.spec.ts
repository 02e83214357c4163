import { LeaseLost } from '../faults';
import { PostgresLeases } from '../leases/postgres-leases';
import { CuttablePool, followingSchema, type FollowingSchema } from '../testing/following-test-kit';
import { CheckpointCommitter } from './checkpoint-committer';

describe('lazy checkpoints of a home written together', () => {
  let db: FollowingSchema;
  let pool: CuttablePool;
  let leases: PostgresLeases;
  const never = new AbortController().signal;

  beforeEach(async () => {
    db = await followingSchema('committer');
    pool = new CuttablePool();
    leases = new PostgresLeases({ pool, ttlMs: 5_000, tickMs: 200 });
  });
  afterEach(async () => {
    await leases.stop();
    await pool.end();
    await db.drop();
  });

  const checkpoints = async (): Promise<Array<{ name: string; position: string; xmin: string }>> =>
    (await db.admin.query<{ name: string; position: string; xmin: string }>(`select name, position::text, xmin::text from ${db.schema}.checkpoints order by name`)).rows;

  it("saves every waiting follower's latest position in one statement, fenced by each one's lease", async () => {
    const committer = new CheckpointCommitter(db.schema, pool, 50);
    const relay = await leases.acquire(db.schema, 'relay:workflow', never);
    const manager = await leases.acquire(db.schema, 'workflow.assign-agent', never);
    let managerAt = 5n;
    const saves = [committer.save(relay, ['relay:workflow'], () => 7n), committer.save(manager, ['workflow.assign-agent'], () => managerAt)];
    managerAt = 9n; // handled on meanwhile: the tick writes where the follower is then
    expect(await Promise.all(saves)).toEqual([7n, 9n]);
    const rows = await checkpoints();
    expect(rows.map(({ name, position }) => [name, position])).toEqual([['relay:workflow', '7'], ['workflow.assign-agent', '9']]);
    expect(rows[0]!.xmin).toBe(rows[1]!.xmin);
  });

  it('refuses the follower whose lease passed on, and still saves the others; positions never move back', async () => {
    const committer = new CheckpointCommitter(db.schema, pool, 50);
    const relay = await leases.acquire(db.schema, 'relay:workflow', never);
    const manager = await leases.acquire(db.schema, 'workflow.assign-agent', never);
    await committer.save(relay, ['relay:workflow'], () => 20n);
    await db.admin.query(`update ${db.schema}.leases set token = token + 1 where name = 'workflow.assign-agent'`); // another replica took it
    const lost = committer.save(manager, ['workflow.assign-agent'], () => 3n);
    const back = committer.save(relay, ['relay:workflow'], () => 10n);
    await expect(lost).rejects.toBeInstanceOf(LeaseLost);
    await back;
    expect((await checkpoints()).map(({ name, position }) => [name, position])).toEqual([['relay:workflow', '20']]);
  });
});
