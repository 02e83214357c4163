import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Pool, type PoolConfig } from 'pg';
import { takingTurns } from './connection-turns';
import { lockDataDir } from './data-dir-lock';
import { loadPglite } from './pglite-loader';

export { DataDirLocked } from './data-dir-lock';

export interface EmbeddedDatabaseOptions {
  /** The folder holding the database; created if missing. */
  readonly dataDir: string;
  /** Passed to PGlite; see docs/adr/0002-one-embedded-connection.md for what it changes (nothing, on Node). */
  readonly relaxedDurability?: boolean;
}

export interface EmbeddedDatabase {
  /** The only connection: a pg Pool with max 1. Never hold a client while awaiting another query through it. */
  readonly pool: Pool;
  readonly pglite: PGlite;
  readonly dataDir: string;
  close(): Promise<void>;
}

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
  const release = await lockDataDir(dataDir);
  try {
    const pglite = await loadPglite().PGlite.create({
      dataDir: path.join(dataDir, 'pgdata'),
      extensions: loadPglite().extensions,
      relaxedDurability: options.relaxedDurability ?? false,
    });
    // The oldest job (request, follower batch) asking goes first, not the oldest statement: see takingTurns.
    const pool = takingTurns(new Pool(poolConfig(pglite)));
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
