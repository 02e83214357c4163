import type { Pool, PoolClient } from 'pg';
import { asNewJob, asOneJob, takingTurns } from './connection-turns';

/** A pool of one connection as pg's would hand it out: connect resolves with the client once it is free. */
const onePool = () => {
  let current: string | undefined;
  const pool = {
    connect: (): Promise<PoolClient> => {
      if (current !== undefined) return Promise.reject(new Error(`handed out twice: ${current} still holds it`));
      current = 'taken';
      return Promise.resolve({ release: () => (current = undefined) } as unknown as PoolClient);
    },
  };
  return { pool: pool as unknown as Pool };
};

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('takingTurns: the one embedded connection goes to the oldest job asking', () => {
  let clock = 0;
  const now = () => clock;

  beforeEach(() => (clock = 1_000));

  it('given the connection held, a job begun earlier gets it before a job begun later that asked first', async () => {
    const { pool } = onePool();
    takingTurns(pool, now);
    const order: string[] = [];
    const holder = await pool.connect();

    // when: the later job asks first, then the earlier one
    const later = asOneJob(() => pool.connect().then((client) => (order.push('later'), client)), 500);
    const earlier = asOneJob(() => pool.connect().then((client) => (order.push('earlier'), client)), 100);
    await settled();
    expect(order).toEqual([]);
    holder.release();

    // then: the earlier job first, and the later only once the earlier gave it back
    (await earlier).release();
    (await later).release();
    expect(order).toEqual(['earlier', 'later']);
  });

  it('a statement of a request waits as the request: it goes before a statement asked earlier that began after the request', async () => {
    const { pool } = onePool();
    takingTurns(pool, now);
    const order: string[] = [];
    const holder = await pool.connect();

    // given: a request that arrived at 2,000, and a follower's statement that asked at 3,000
    const request = (work: () => Promise<void>) => asOneJob(work, 2_000);
    clock = 3_000;
    const background = pool.connect().then((client) => (order.push('background'), client.release()));
    // when: the request's next round trip asks at 4,000, while the background statement waits
    clock = 4_000;
    const roundTrip = request(() => pool.connect().then((client) => void (order.push('request'), client.release())));
    await settled();
    holder.release();
    await Promise.all([roundTrip, background]);

    // then
    expect(order).toEqual(['request', 'background']);
  });

  it('jobs begun at the same time are served in the order they asked, and an unstamped ask is a job from when it asked', async () => {
    const { pool } = onePool();
    takingTurns(pool, now);
    const order: string[] = [];
    const holder = await pool.connect();
    const ask = (name: string) => pool.connect().then((client) => (order.push(name), client.release()));

    clock = 10;
    const a = ask('a');
    const b = asOneJob(() => ask('b'), 10);
    clock = 5;
    const c = ask('c');
    await settled();
    holder.release();
    await Promise.all([a, b, c]);

    expect(order).toEqual(['c', 'a', 'b']);
  });

  it('a connect that fails passes the turn on, and callback-style connects (pool.query, TypeORM) take turns too', async () => {
    const { pool } = onePool();
    const connect = pool.connect.bind(pool);
    let failNext = false;
    (pool as unknown as { connect: () => Promise<PoolClient> }).connect = () => (failNext ? ((failNext = false), Promise.reject(new Error('refused'))) : connect());
    takingTurns(pool, now);
    const holder = await pool.connect();

    failNext = true;
    const failing = pool.connect();
    const viaCallback = new Promise<string>((resolve, reject) =>
      (pool.connect as unknown as (callback: (error: Error | undefined, client: PoolClient | undefined, done: () => void) => void) => void)((error, _client, done) => {
        if (error) return reject(error);
        done();
        resolve('served');
      }),
    );
    holder.release();

    await expect(failing).rejects.toThrow('refused');
    await expect(viaCallback).resolves.toBe('served');
  });

  it('a client released twice passes the turn on once', async () => {
    const { pool } = onePool();
    takingTurns(pool, now);
    const first = await pool.connect();
    const order: string[] = [];
    const second = pool.connect().then((client) => (order.push('second'), client));
    const third = pool.connect().then((client) => (order.push('third'), client));
    first.release();
    first.release();
    const held = await second;
    await settled();
    expect(order).toEqual(['second']);
    held.release();
    (await third).release();
    expect(order).toEqual(['second', 'third']);
  });

  it('a job that gives way lets work begun within its allowance go first, and goes before work begun after it', async () => {
    const { pool } = onePool();
    takingTurns(pool, now);
    const order: string[] = [];
    const holder = await pool.connect();
    const ask = (name: string) => pool.connect().then((client) => (order.push(name), client.release()));

    // given: an analytics batch begun at 0 that gives way for 1,000 ms, and requests begun at 500 and 1,500
    const analytics = asOneJob(() => ask('analytics'), 0, 1_000);
    const later = asOneJob(() => ask('request at 1,500'), 1_500);
    const sooner = asOneJob(() => ask('request at 500'), 500);
    await settled();
    holder.release();
    await Promise.all([analytics, later, sooner]);

    // then
    expect(order).toEqual(['request at 500', 'analytics', 'request at 1,500']);
  });

  it('a transaction split off a job that gives way is a new job that gives way as much', async () => {
    const { pool } = onePool();
    takingTurns(pool, now);
    const order: string[] = [];
    const holder = await pool.connect();
    const ask = (name: string) => pool.connect().then((client) => (order.push(name), client.release()));

    const split = asOneJob(() => asNewJob(() => ask('split at 2,000 giving way'), 2_000), 0, 1_000);
    const request = asOneJob(() => ask('request at 2,500'), 2_500);
    await settled();
    holder.release();
    await Promise.all([split, request]);

    expect(order).toEqual(['request at 2,500', 'split at 2,000 giving way']);
  });
});
