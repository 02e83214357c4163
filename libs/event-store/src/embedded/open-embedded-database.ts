import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Pool, type PoolConfig } from 'pg';
import { lock } from 'proper-lockfile';
import { loadPglite } from './pglite-loader';

/** Another process (or another open in this one) holds the data folder. */
export class DataDirLocked extends Error {
  override readonly name = 'DataDirLocked';
  constructor(
    readonly dataDir: string,
    options?: { cause?: unknown },
  ) {
    super(
      `data folder ${dataDir} is already open in another process (lock ${lockPath(dataDir)}); ` +
        `stop that process or choose another DATA_DIR. A lock left by a crashed process expires after ${LOCK_STALE_MS / 1000} s.`,
      options,
    );
  }
}

export interface EmbeddedDatabaseOptions {
  /** The folder holding the database; created if missing. */
  readonly dataDir: string;
  /** Passed to PGlite; see docs/adr/0002-one-embedded-connection.md for what it changes (nothing, on Node). */
  readonly relaxedDurability?: boolean;
  /**
   * Called if the folder lock could not be refreshed (the event loop was blocked for longer than
   * the stale period, or the lock folder was removed). By default it throws, ending the process
   * rather than risking two writers on one database.
   */
  readonly onLockCompromised?: (error: Error) => void;
}

export interface EmbeddedDatabase {
  /** The only connection: a pg Pool with max 1. Never hold a client while awaiting another query through it. */
  readonly pool: Pool;
  readonly pglite: PGlite;
  readonly dataDir: string;
  close(): Promise<void>;
}

const LOCK_STALE_MS = 30_000;
const lockPath = (dataDir: string): string => path.join(dataDir, 'open.lock');

const lockDataDir = async (
  dataDir: string,
  onCompromised?: (error: Error) => void,
): Promise<() => Promise<void>> => {
  try {
    return await lock(dataDir, {
      lockfilePath: lockPath(dataDir),
      stale: LOCK_STALE_MS,
      update: 5_000,
      retries: 0,
      realpath: false,
      ...(onCompromised ? { onCompromised } : {}),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED')
      throw new DataDirLocked(dataDir, { cause: error });
    throw error;
  }
};

/** pg's default closes idle clients after 10 s; the single PGlite session must live as long as the pool. */
const poolConfig = (pglite: PGlite): PoolConfig => ({
  ...(loadPglite().createPgConfig(pglite) as PoolConfig),
  max: 1,
  idleTimeoutMillis: 0,
});

/**
 * Opens the embedded PostgreSQL (PGlite) in `dataDir` for this process alone: one PGlite
 * instance, one pg Pool of one connection over it, shared by the event stores, TypeORM
 * (through sharedPoolDriver) and projections (docs/adr/0002-one-embedded-connection.md).
 * PostgreSQL's files live in `<dataDir>/pgdata`, next to the lock.
 */
export const openEmbeddedDatabase = async (options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> => {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir, options.onLockCompromised);
  try {
    const pglite = await loadPglite().PGlite.create({
      dataDir: path.join(dataDir, 'pgdata'),
      relaxedDurability: options.relaxedDurability ?? false,
    });
    const pool = new Pool(poolConfig(pglite));
    let closing: Promise<void> | undefined;
    const close = async (): Promise<void> => {
      await pool.end();
      await pglite.close();
      await release();
    };
    return { pool, pglite, dataDir, close: () => (closing ??= close()) };
  } catch (error) {
    await release();
    throw error;
  }
};
