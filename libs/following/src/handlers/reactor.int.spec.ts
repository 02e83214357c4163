import { randomUUID } from 'node:crypto';
import { IllegalTransition } from '@collab/domain-kernel';
import type { NewEvent, RecordedEvent } from '@collab/event-store';
import { DeadLetterStore } from '../dead-letters/dead-letter-store';
import { PostgresLeases } from '../leases/postgres-leases';
import { SharedLogReader } from '../reading/shared-log-reader';
import { REACTOR_FLUSH } from '../runner/follower';
import { FollowerRunner } from '../runner/follower-runner';
import { CuttablePool, followingSchema, type FollowingSchema } from '../testing/following-test-kit';
import { Reactor } from './reactor';

const quiet = { warn: () => undefined, error: () => undefined };
const step = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'StepRecorded',
  data: { n },
  metadata: { correlationId: randomUUID(), actor: { id: 'agent-7', kind: 'user' } },
});

describe('a reactor that meets poison', () => {
  let db: FollowingSchema;
  let pool: CuttablePool;
  let leases: PostgresLeases;
  let runner: FollowerRunner;
  const handled: string[] = [];
  let refuse = (_event: RecordedEvent): boolean => false;
  let failTransiently = 0;

  const start = (): void => {
    const reactor = new Reactor(
      db.schema,
      {
        name: 'test.reactor',
        handles: ['StepRecorded'],
        react: (event) => {
          if (failTransiently > 0) {
            failTransiently -= 1;
            return Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
          }
          if (refuse(event)) return Promise.reject(new IllegalTransition('RecordStep', 'closed'));
          handled.push(`${event.streamId}#${String(event.data['n'])}`);
          return Promise.resolve();
        },
      },
      pool,
      quiet,
    );
    const reader = new SharedLogReader({ readAll: (o) => db.store.readAll(o), headPosition: () => db.store.headPosition(), commits: db.store.commits }, { pollMs: 50 });
    runner = new FollowerRunner({ name: 'test.reactor', home: db.schema, handler: reactor, flush: REACTOR_FLUSH }, { log: 'test', reader, leases, db: pool, logger: quiet });
    runner.start();
  };
  const until = async (check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeEach(async () => {
    db = await followingSchema('reactor');
    pool = new CuttablePool();
    leases = new PostgresLeases({ pool, ttlMs: 1_500, tickMs: 250 });
    handled.splice(0);
    refuse = () => false;
    failTransiently = 0;
  });
  afterEach(async () => {
    await runner.stop();
    await leases.stop();
    await pool.end();
    await db.drop();
  });

  it('retries an infrastructure fault without limit and without skipping', async () => {
    failTransiently = 4;
    start();
    await db.store.append('case-a', [step(1), step(2)], 'no_stream');
    await until(() => handled.length === 2);
    expect(handled).toEqual(['case-a#1', 'case-a#2']);
  });

  it('dead-letters poison, parks its stream behind it, lets other streams flow, and replays in order when asked', async () => {
    refuse = (event) => event.streamId === 'case-b' && event.data['n'] === 1;
    start();
    await db.store.append('case-b', [step(1)], 'no_stream');
    await db.store.append('case-c', [step(1)], 'no_stream');
    await db.store.append('case-b', [step(2)], 1);
    await db.store.append('case-c', [step(2)], 1);
    await until(() => handled.length === 2);
    expect(handled).toEqual(['case-c#1', 'case-c#2']);
    const letters = new DeadLetterStore(db.schema);
    await until(async () => (await letters.list(pool, 'test.reactor')).length === 2);
    const parkedLetters = await letters.list(pool, 'test.reactor');
    expect(parkedLetters.map((letter) => [letter.streamId, letter.error.name])).toEqual([
      ['case-b', 'IllegalTransition'],
      ['case-b', 'Error'], // case-b#2 waits behind case-b#1
    ]);

    refuse = () => false; // the cause is fixed (a new version deployed, a missing definition added)
    expect(await letters.requestReplay(pool, 'test.reactor')).toBe(1);
    await until(() => handled.length === 4);
    expect(handled.slice(2)).toEqual(['case-b#1', 'case-b#2']);
    await until(async () => (await letters.parkedStreams(pool, 'test.reactor')).size === 0);
    await db.store.append('case-b', [step(3)], 2);
    await until(() => handled.length === 5);
    expect(handled[4]).toBe('case-b#3');
  });
});
