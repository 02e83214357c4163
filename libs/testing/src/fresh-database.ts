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

/** A database of its own for one test file, so services' fixed schema names never collide. */
export const freshDatabase = async (prefix = 'collab_test'): Promise<FreshDatabase> => {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
};
