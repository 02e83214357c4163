import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@collab/event-store';
import { PostgresLeases } from '../leases/postgres-leases';
import { SharedLogReader } from '../reading/shared-log-reader';
import { REACTOR_FLUSH } from '../runner/follower';
import { FollowerRunner } from '../runner/follower-runner';
import type { SqlExecutor } from '../sql';
import { CuttablePool, followingSchema, type FollowingSchema } from '../testing/following-test-kit';
import { Reactor, type ReactorSpec, type TransactionBounds } from './reactor';

const quiet = { warn: () => undefined, error: () => undefined };
const step = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'StepRecorded',
  data: { n },
  metadata: { correlationId: randomUUID(), actor: { id: 'agent-7', kind: 'user' } },
});

describe('a reactor that runs its batches as one transaction', () => {
  let db: FollowingSchema;
  let pool: CuttablePool;
  let leases: PostgresLeases;
  let runner: FollowerRunner;
  /** The batch's transaction while one is open: the reactions write their own table through it. */
  let batchSql: SqlExecutor | undefined;
  let failInBatch = 0;
  let failAt = 2;
  /** A clock the reactions move, for the time bound of a batch transaction. */
  let clock = 0;
  let reactionTakesMs = 0;
  let batchTransactions = 0;

  const start = (batchCheckpoint?: 'deferred', transactionBounds?: TransactionBounds, witnessing?: Pick<ReactorSpec, 'witnesses' | 'doneIn'>): void => {
    const reactor = new Reactor(
      db.schema,
      {
        name: 'test.batched',
        handles: ['StepRecorded'],
        react: async (event) => {
          clock += reactionTakesMs;
          if (batchSql && failInBatch > 0 && event.data['n'] === failAt) {
            failInBatch -= 1;
            throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
          }
          await (batchSql ?? pool).query(`insert into ${db.schema}.seen (n) values ($1)`, [event.data['n']]);
        },
        batchTransaction: (work) =>
          pool.transaction(async (_tx, sql) => {
            batchTransactions += 1;
            batchSql = sql;
            try {
              return await work(sql);
            } finally {
              batchSql = undefined;
            }
          }),
        ...(batchCheckpoint ? { batchCheckpoint } : {}),
        ...(transactionBounds ? { transactionBounds } : {}),
        ...witnessing,
      },
      pool,
      quiet,
    );
    const reader = new SharedLogReader({ readAll: (o) => db.store.readAll(o), headPosition: () => db.store.headPosition(), commits: db.store.commits }, { pollMs: 50 });
    runner = new FollowerRunner({ name: 'test.batched', home: db.schema, handler: reactor, flush: REACTOR_FLUSH }, { log: 'test', reader, leases, db: pool, logger: quiet });
    runner.start();
  };
  const until = async (check: () => Promise<boolean>, ms = 10_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const checkpointAt = async (position: bigint): Promise<boolean> => {
    const { rows } = await db.admin.query<{ position: string }>(`select position::text from ${db.schema}.checkpoints where name = 'test.batched'`);
    return rows[0] !== undefined && BigInt(rows[0].position) >= position;
  };

  beforeEach(async () => {
    db = await followingSchema('batched');
    await db.admin.query(`create table ${db.schema}.seen (n int not null)`);
    pool = new CuttablePool();
    leases = new PostgresLeases({ pool, ttlMs: 1_500, tickMs: 250 });
    failInBatch = 0;
    failAt = 2;
    clock = 0;
    reactionTakesMs = 0;
    batchTransactions = 0;
  });
  afterEach(async () => {
    await runner.stop();
    await leases.stop();
    await pool.end();
    await db.drop();
  });

  /** Bounds no reaction here reaches: the clock stands still unless a test moves it. */
  const unbounded = (): TransactionBounds => ({ events: 50, ms: 50, now: () => clock });

  it('commits the reactions of a batch and its checkpoint together, once', async () => {
    await db.store.append('case-a', [step(1), step(2), step(3)], 'no_stream');
    start(undefined, unbounded());
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    const { rows } = await db.admin.query<{ n: number; same: boolean }>(
      `select s.n, s.xmin::text = (select xmin::text from ${db.schema}.checkpoints where name = 'test.batched') as same from ${db.schema}.seen s order by s.n`,
    );
    expect(rows).toEqual([{ n: 1, same: true }, { n: 2, same: true }, { n: 3, same: true }]);
  });

  it('rolls a failing batch back and handles it event by event: nothing lost, nothing twice', async () => {
    failInBatch = 1;
    await db.store.append('case-a', [step(1), step(2), step(3)], 'no_stream');
    start();
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    const { rows } = await db.admin.query<{ n: number }>(`select n from ${db.schema}.seen order by n`);
    expect(rows.map((row) => row.n)).toEqual([1, 2, 3]);
  });

  it('with a deferred checkpoint, commits the reactions of a batch together and leaves the checkpoint to the runner', async () => {
    await db.store.append('case-a', [step(1), step(2), step(3)], 'no_stream');
    start('deferred', unbounded());
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    const { rows } = await db.admin.query<{ n: number; xmin: string; checkpoint: string }>(
      `select s.n, s.xmin::text as xmin, (select xmin::text from ${db.schema}.checkpoints where name = 'test.batched') as checkpoint from ${db.schema}.seen s order by s.n`,
    );
    expect(rows.map((row) => row.n)).toEqual([1, 2, 3]);
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
    expect(rows[0]!.checkpoint).not.toBe(rows[0]!.xmin);
  });

  /** The reactions' rows grouped by the transaction that wrote them, and whether the checkpoint's was the last. */
  const transactions = async (): Promise<{ groups: number[][]; checkpointWithLast: boolean }> => {
    const { rows } = await db.admin.query<{ n: number; xmin: string; checkpoint: string }>(
      `select s.n, s.xmin::text as xmin, (select xmin::text from ${db.schema}.checkpoints where name = 'test.batched') as checkpoint from ${db.schema}.seen s order by s.n`,
    );
    const groups = new Map<string, number[]>();
    for (const row of rows) groups.set(row.xmin, [...(groups.get(row.xmin) ?? []), row.n]);
    return { groups: [...groups.values()], checkpointWithLast: rows.at(-1)?.xmin === rows.at(-1)?.checkpoint };
  };
  const fiveSteps = () => db.store.append('case-a', [step(1), step(2), step(3), step(4), step(5)], 'no_stream');

  it('ends a batch transaction after the bound of reactions and goes on in the next, the checkpoint with the last', async () => {
    await fiveSteps();
    start(undefined, { events: 2, ms: 60_000, now: () => clock });
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    expect(await transactions()).toEqual({ groups: [[1, 2], [3, 4], [5]], checkpointWithLast: true });
  });

  it('ends a batch transaction once its time bound went by, whatever the count', async () => {
    reactionTakesMs = 30;
    await fiveSteps();
    start(undefined, { events: 50, ms: 50, now: () => clock });
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    expect((await transactions()).groups).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('keeps the transactions committed before a failing one and handles only the rest event by event: nothing lost, nothing twice', async () => {
    failInBatch = 1;
    failAt = 4;
    await fiveSteps();
    start('deferred', { events: 2, ms: 60_000, now: () => clock });
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    const { groups } = await transactions();
    expect(groups[0]).toEqual([1, 2]);
    expect(groups.flat()).toEqual([1, 2, 3, 4, 5]);
    expect(groups.slice(1).every((group) => group.length === 1)).toBe(true);
  });

  /** A step whose reaction another writer made already, in the same append: the witness names the step it was made for. */
  const madeFor = (made: NewEvent): NewEvent => ({ ...step(0), type: 'StepReactedTo', data: { of: made.id } });
  const witnessing: Pick<ReactorSpec, 'witnesses' | 'doneIn'> = {
    witnesses: ['StepReactedTo'],
    doneIn: (events, witnessed) => {
      const made = new Set(witnessed.map((event) => event.data['of']));
      return new Set(events.filter((event) => made.has(event.id)).map((event) => event.id));
    },
  };
  const seen = async (): Promise<number[]> => (await db.admin.query<{ n: number }>(`select n from ${db.schema}.seen order by n`)).rows.map((row) => row.n);

  it('passes over the reactions its witnesses show made and reacts to the rest', async () => {
    const [one, two, three] = [step(1), step(2), step(3)];
    await db.store.append('case-a', [one, two, madeFor(two), three], 'no_stream');
    start(undefined, unbounded(), witnessing);
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    expect(await seen()).toEqual([1, 3]);
  });

  it('opens no transaction for a batch whose every reaction its witnesses show made, and its checkpoint still moves', async () => {
    const two = step(2);
    await db.store.append('case-a', [two, madeFor(two)], 'no_stream');
    start(undefined, unbounded(), witnessing);
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    expect(await seen()).toEqual([]);
    expect(batchTransactions).toBe(0);
  });

  it('reacts as usual to a step whose witness the batch does not hold', async () => {
    await db.store.append('case-a', [step(1)], 'no_stream');
    await db.store.append('case-b', [madeFor(step(9))], 'no_stream');
    start(undefined, unbounded(), witnessing);
    const head = await db.store.headPosition();
    await until(() => checkpointAt(head));
    expect(await seen()).toEqual([1]);
  });
});
