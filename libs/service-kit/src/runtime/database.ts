import { Client, Pool, type PoolClient } from 'pg';
import { openEmbeddedDatabase } from '@collab/event-store';
import { isDistributed, type PlatformConfig } from '../config/platform.config';
import { redactUrl } from '../logging/redact';
import { secureDataDir } from './data-dir';

/**
 * The process's one pool. Embedded: a single PGlite connection in DATA_DIR shared by the event
 * stores, TypeORM and projections (docs/adr/0002). Distributed: a pg pool on DATABASE_URL.
 */
export interface Database {
  readonly pool: Pool;
  readonly embedded: boolean;
  readonly description: string;
  /** Idempotent: the runtime's shutdown and a failed start may both close it. */
  close(): Promise<void>;
}

/** Where the pool reports a connection that broke while idle (PostgreSQL restarted, a proxy cut it). */
export interface DatabaseLog {
  warn(context: Record<string, unknown>, message: string): void;
}

/** The settings opening the database reads (a tool such as the rebuild command needs no more). */
export type DatabaseSettings = Pick<PlatformConfig, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_POOL_SIZE'> &
  Partial<Pick<PlatformConfig, 'DATABASE_QUERY_TIMEOUT_MS'>>;

/** How long the first connection may take before the start fails, rather than hanging. */
const CONNECT_TIMEOUT_MS = 5_000;
/** How long any later connection may take: a request waits no longer than this for a database that is away. */
const CONNECTION_TIMEOUT_MS = 3_000;

const reasonOf = (cause: unknown): string => {
  const { code, message } = cause as { code?: unknown; message?: unknown };
  // Socket errors (ECONNREFUSED, ENOTFOUND, ETIMEDOUT…) mean nobody answered; anything else is
  // PostgreSQL's own refusal (no such database, authentication failed), worth quoting.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `unreachable (${code})`;
  if (typeof message === 'string' && /timeout/i.test(message)) return `unreachable (no answer within ${CONNECT_TIMEOUT_MS / 1000} s)`;
  return `refused the connection: ${String(message)}${typeof code === 'string' ? ` (${code})` : ''}`;
};

/** The database a distributed process needs is not there: the start fails with this one line. */
export class DatabaseUnavailable extends Error {
  override readonly name = 'DatabaseUnavailable';
  constructor(url: string, cause: unknown) {
    super(`database ${redactUrl(url)} ${reasonOf(cause)}`, { cause });
  }
}

/** One connection, bounded in time, before the pool is trusted with the process's work. */
const probe = async (url: string): Promise<void> => {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnavailable(url, error);
  }
  await client.end();
};

const QUERY_TIMED_OUT = 'Query read timeout';

/**
 * pg rejects a timed-out query but keeps its connection, whose unanswered query still blocks every
 * query queued behind it. A connection that went silent is not coming back: close it, so its holder's
 * next query fails at once and the pool drops it on release instead of handing it to another request.
 */
const retireOnQueryTimeout = (client: PoolClient, retired: () => void): void => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const retire = (error: unknown): void => {
    if ((error as Error | undefined)?.message !== QUERY_TIMED_OUT) return;
    retired();
    (client as PoolClient & { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  };
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    // Promise-style calls (TypeORM, transactions) are watched here; pool.query's callback-style
    // calls need nothing, as the pool already drops a client released with an error.
    if (result instanceof Promise) result.catch(retire);
    return result;
  };
};

const openPostgres = async (url: string, config: DatabaseSettings, log: DatabaseLog): Promise<Database> => {
  await probe(url);
  const pool = new Pool({
    connectionString: url,
    max: config.DATABASE_POOL_SIZE,
    // A database that does not answer (a route gone, a host down) fails the request within seconds,
    // as a 503 or a retried batch, rather than holding it and its caller until TCP gives up.
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    // The kernel probes a connection that went quiet, so a peer that vanished is found and replaced.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // A query whose connection went silent mid-flight fails at this bound rather than when TCP
    // gives up minutes later; retireOnQueryTimeout then closes that connection.
    query_timeout: config.DATABASE_QUERY_TIMEOUT_MS,
  });
  const database = redactUrl(url);
  // Without a listener an idle client's error is an uncaught exception that ends the process;
  // the pool has already dropped that client and connects afresh for the next query.
  pool.on('error', (error) => log.warn({ err: error, database }, 'an idle database connection broke; the pool replaces it'));
  // A client that is checked out has no pool listener: its connection cut between two queries
  // (pg_terminate_backend, a restart, a proxy) would emit an unhandled 'error' and end the process.
  // Its holder sees the error on its next query, and the pool drops the client when it comes back.
  pool.on('connect', (client) => {
    client.on('error', (error) => log.warn({ err: error, database }, 'a database connection in use broke; its work fails and is retried'));
    retireOnQueryTimeout(client, () => log.warn({ database }, 'a query got no answer in time; its connection is closed and replaced'));
  });
  const { host, pathname } = new URL(url);
  let closing: Promise<void> | undefined;
  return { pool, embedded: false, description: `PostgreSQL ${host}${pathname}`, close: () => (closing ??= pool.end()) };
};

export const openDatabase = async (config: DatabaseSettings, log: DatabaseLog): Promise<Database> => {
  if (isDistributed(config)) return openPostgres(config.DATABASE_URL!, config, log);
  await secureDataDir(config.DATA_DIR);
  const embedded = await openEmbeddedDatabase({ dataDir: config.DATA_DIR });
  return { pool: embedded.pool, embedded: true, description: `embedded PGlite in ${config.DATA_DIR}`, close: () => embedded.close() };
};
