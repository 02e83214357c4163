import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@collab/event-store';
import { ProjectionGroup, type ProjectionSpec } from '../handlers/projection-group';
import { PostgresLeases } from '../leases/postgres-leases';
import { SharedLogReader } from '../reading/shared-log-reader';
import type { SqlExecutor } from '../sql';
import { CuttablePool, followingSchema, type FollowingSchema } from '../testing/following-test-kit';
import { PROJECTION_FLUSH } from './follower';
import { FollowerRunner } from './follower-runner';

const quiet = { warn: () => undefined, error: () => undefined };
const anEvent = (type: string): NewEvent => ({
  id: randomUUID(),
  type,
  data: { note: '又来了' },
  metadata: { correlationId: randomUUID(), actor: { id: 'agent-7', kind: 'user' } },
});

/**
 * A projection that counts what it applies with a plain `count + 1` — exactly what a projection
 * must never do — so any batch applied twice (two replicas, a replayed batch) shows in the count.
 */
const tally = (schema: string): ProjectionSpec<SqlExecutor> => ({
  name: 'test.tally',
  handles: ['NoteAdded'],
  apply: async (events: readonly RecordedEvent[], tx: SqlExecutor) => {
    await tx.query(`UPDATE ${schema}.tally SET applied = applied + $1`, [events.length]);
  },
});

interface Replica {
  readonly pool: CuttablePool;
  readonly leases: PostgresLeases;
  readonly runner: FollowerRunner;
}

describe('a projection group run by several replicas', () => {
  let db: FollowingSchema;
  const replicas: Replica[] = [];

  const startReplica = (): Replica => {
    const pool = new CuttablePool();
    const leases = new PostgresLeases({ pool, ttlMs: 1_500, tickMs: 250 });
    const reader = new SharedLogReader({ readAll: (o) => db.store.readAll(o), headPosition: () => db.store.headPosition() }, { pollMs: 50 });
    const handler = new ProjectionGroup(db.schema, [tally(db.schema)], pool.transaction);
    const runner = new FollowerRunner({ name: 'projections:test', home: db.schema, handler, flush: PROJECTION_FLUSH }, { log: 'test', reader, leases, db: pool, logger: quiet });
    runner.start();
    const replica = { pool, leases, runner };
    replicas.push(replica);
    return replica;
  };
  const applied = async (): Promise<number> => Number((await db.admin.query(`SELECT applied FROM ${db.schema}.tally`)).rows[0].applied);
  const until = async (check: () => Promise<boolean>, ms: number): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const appendNotes = async (count: number): Promise<void> => {
    for (let index = 0; index < count; index += 25)
      await Promise.all(Array.from({ length: Math.min(25, count - index) }, (_, k) => db.store.append(`task-${(index + k) % 40}`, [anEvent('NoteAdded'), anEvent('TaskUrged')], 'any')));
  };

  beforeEach(async () => {
    db = await followingSchema('runner');
    await db.admin.query(`CREATE TABLE ${db.schema}.tally (applied int NOT NULL)`);
    await db.admin.query(`INSERT INTO ${db.schema}.tally VALUES (0)`);
  });
  afterEach(async () => {
    for (const replica of replicas.splice(0)) {
      replica.pool.mend();
      await replica.runner.stop();
      await replica.leases.stop();
      await replica.pool.end();
    }
    await db.drop();
  });

  it('applies each event once with three replicas running at once', async () => {
    const running = [startReplica(), startReplica(), startReplica()];
    await appendNotes(1_000);
    await until(async () => (await applied()) >= 1_000, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await applied()).toBe(1_000);
    expect(running.filter(({ runner }) => runner.status().state !== 'standby')).toHaveLength(1);
  });

  it('goes on in another replica within seconds when the owner is cut off mid-stream, and still applies each event once', async () => {
    const first = startReplica();
    const second = startReplica();
    const appending = appendNotes(2_000);
    await until(async () => (await applied()) > 200, 20_000);
    const owner = first.runner.status().state === 'standby' ? second : first;
    owner.pool.sever(); // frozen or partitioned: its renewals and its commits fail from now on
    const cutAt = Date.now();
    await appending;
    await until(async () => (await applied()) >= 2_000, 30_000);
    expect(Date.now() - cutAt).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await applied()).toBe(2_000);
    // Healed, the old owner finds the lease taken and stands by; nothing is applied twice.
    owner.pool.mend();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await applied()).toBe(2_000);
  });

  it('commits no transaction for a batch none of its projections handles', async () => {
    startReplica();
    await db.store.append('task-1', [anEvent('NoteAdded')], 'any');
    await until(async () => (await applied()) === 1, 10_000);
    const commits = async (): Promise<number> => {
      const { rows } = await db.admin.query(`SELECT count(*)::int AS n FROM ${db.schema}.checkpoints WHERE position > 1`);
      return rows[0].n as number;
    };
    for (let index = 0; index < 50; index += 1) await db.store.append(`task-${index}`, [anEvent('TaskUrged')], 'any');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await commits()).toBe(0); // no transaction yet: nothing the group handles
    await new Promise((resolve) => setTimeout(resolve, PROJECTION_FLUSH.afterMs + 500));
    expect(await commits()).toBe(1); // then the skipped stretch is saved once, lazily
  });
});
