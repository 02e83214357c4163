import { startTcpProxy, TEST_POSTGRES, throughProxy, type TcpProxy } from '@collab/testing';
import { openDatabase, type Database } from '@collab/service-kit';

const QUERY_TIMEOUT_MS = 1_000;

/** How long a promise took to settle, and how. */
const timed = async (work: Promise<unknown>): Promise<{ ms: number; error?: string }> => {
  const started = Date.now();
  try {
    await work;
    return { ms: Date.now() - started };
  } catch (error) {
    return { ms: Date.now() - started, error: (error as Error).message };
  }
};

describe('a distributed pool whose database goes silent mid-query (PostgreSQL through a proxy)', () => {
  let proxy: TcpProxy;
  let database: Database;
  const warnings: string[] = [];

  beforeEach(async () => {
    const postgres = new URL(TEST_POSTGRES);
    proxy = await startTcpProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
    database = await openDatabase(
      { DATABASE_URL: throughProxy(TEST_POSTGRES, proxy), DATA_DIR: '.data', DATABASE_POOL_SIZE: 2, DATABASE_QUERY_TIMEOUT_MS: QUERY_TIMEOUT_MS },
      { warn: (_, message) => warnings.push(message) },
    );
  });

  afterEach(async () => {
    await database.close();
    await proxy.close();
  });

  it('given a checked-out connection, when the network goes quiet, then its query fails at the bound and the connection is retired, not reused', async () => {
    const client = await database.pool.connect();
    await client.query('select 1');
    proxy.cut('silence');

    const first = await timed(client.query('select 1'));
    const second = await timed(client.query('select 1'));
    client.release();

    expect(first.error).toBe('Query read timeout');
    expect(first.ms).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS - 50);
    expect(first.ms).toBeLessThan(QUERY_TIMEOUT_MS + 1_500);
    // The wedged connection is closed: the next query fails at once instead of queueing behind the dead one.
    expect(second.error).toBeDefined();
    expect(second.ms).toBeLessThan(500);
    expect(warnings).toContain('a query got no answer in time; its connection is closed and replaced');
    expect(database.pool.totalCount).toBe(0);

    proxy.restore();
    const { rows } = await database.pool.query<{ one: number }>('select 1 as one');
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('given pool.query, when the network goes quiet, then it fails at the bound and the next query after the network returns succeeds', async () => {
    await database.pool.query('select 1');
    proxy.cut('silence');
    const during = await timed(database.pool.query('select 1'));
    proxy.restore();
    const after = await timed(database.pool.query('select 1'));

    expect(during.error).toBe('Query read timeout');
    expect(during.ms).toBeLessThan(QUERY_TIMEOUT_MS + 1_500);
    expect(after.error).toBeUndefined();
  });
});
