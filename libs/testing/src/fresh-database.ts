import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL the machine and CI run: TEST_DATABASE_URL, the one variable every test reads (README). */
export const TEST_POSTGRES = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface FreshDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

const withAdmin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * A pool's end() resolves while its clients' sockets still close; a forced drop in that moment
 * terminates them, and a pool without an error listener turns the FATAL into an unhandled error in
 * whichever test runs next. So the drop first gives the test's connections up to 5 s to go.
 */
const connectionsGone = async (client: Client, name: string): Promise<void> => {
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0]!.n === 0) return;
  }
};

/** A database of its own for one test file, so services' fixed schema names never collide. */
export const freshDatabase = async (prefix = 'collab_test'): Promise<FreshDatabase> => {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(async (client) => {
      await connectionsGone(client, name);
      await client.query(`drop database if exists ${name} with (force)`);
    }),
  };
};
