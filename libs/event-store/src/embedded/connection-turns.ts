import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { Pool, PoolClient } from 'pg';

/**
 * When the piece of work on whose behalf a query runs began (an HTTP request when it arrived, a
 * follower's batch when it was read), and how long it lets later work go first. Unset, a query is a
 * piece of work of its own, begun when it asks.
 */
interface Job {
  readonly since: number;
  readonly giveWayMs: number;
}
const jobs = new AsyncLocalStorage<Job>();

/** A clock in milliseconds; performance.now() unless a test moves one of its own. */
export type TurnClock = () => number;

/**
 * Runs `work` as one job begun at `since` (default: now): every connection it asks for meanwhile
 * waits its turn as that job, so a job that began earlier goes first. A job that gives way lets
 * work begun up to `giveWayMs` after it go first (analytics that may lag, not requests or
 * routing); it still ages, so it is never starved. Nested calls keep the outermost job.
 */
export const asOneJob = <T>(work: () => T, since: number = performance.now(), giveWayMs = 0): T =>
  jobs.run(jobs.getStore() ?? { since, giveWayMs }, work);

/** Runs `work` as a job of its own begun now, even inside another (a follower's batch split into transactions); it gives way as the job around it. */
export const asNewJob = <T>(work: () => T, since: number = performance.now()): T => jobs.run({ since, giveWayMs: jobs.getStore()?.giveWayMs ?? 0 }, work);

interface Waiter {
  readonly since: number;
  readonly arrival: number;
  readonly grant: () => void;
}

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, release: (error?: unknown) => void) => void;

/**
 * Hands the one connection of `pool` (PGlite: one session, docs/adr/0002) to the oldest job asking
 * for it, instead of in the order of the asks. Without it, N requests at once take turns statement
 * by statement: every request's dozen round trips each wait behind the other N−1 requests' and every
 * follower's, so all N finish together, late (64 clients: none within 5 s). Oldest job first, each
 * request runs its round trips back to back and the next waits for less; a follower's batch is a job
 * from when it was read, so it ages like a request and is never starved by newer ones.
 * Changes `pool.connect` in place (pool.query and TypeORM's borrowed pool go through it) and answers the pool.
 */
export const takingTurns = (pool: Pool, now: TurnClock = () => performance.now()): Pool => {
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const waiting: Waiter[] = [];
  let holding = false;
  let arrivals = 0;

  const passOn = (): void => {
    if (waiting.length === 0) {
      holding = false;
      return;
    }
    let next = 0;
    for (let index = 1; index < waiting.length; index += 1) {
      const [candidate, best] = [waiting[index]!, waiting[next]!];
      if (candidate.since < best.since || (candidate.since === best.since && candidate.arrival < best.arrival)) next = index;
    }
    waiting.splice(next, 1)[0]!.grant();
  };

  const turn = (): Promise<void> => {
    if (!holding) {
      holding = true;
      return Promise.resolve();
    }
    const job = jobs.getStore();
    const since = job ? job.since + job.giveWayMs : now();
    return new Promise((grant) => waiting.push({ since, arrival: (arrivals += 1), grant }));
  };

  const checkedOut = async (): Promise<PoolClient> => {
    await turn();
    let client: PoolClient;
    try {
      client = await connect();
    } catch (error) {
      passOn();
      throw error;
    }
    const release = client.release.bind(client);
    let released = false;
    client.release = (error?: Error | boolean) => {
      if (released) return release(error);
      released = true;
      try {
        return release(error);
      } finally {
        passOn();
      }
    };
    return client;
  };

  const taking = (callback?: ConnectCallback): Promise<PoolClient> | void => {
    if (!callback) return checkedOut();
    checkedOut().then(
      (client) => callback(undefined, client, (error?: unknown) => client.release(error as Error | boolean | undefined)),
      (error: unknown) => callback(error as Error, undefined, () => undefined),
    );
  };
  (pool as unknown as { connect: typeof taking }).connect = taking;
  return pool;
};
