import { Pool } from 'pg';
import { openEmbeddedDatabase } from '@collab/event-store';
import { isDistributed, type PlatformConfig } from '../config/platform.config';

/**
 * The process's one pool. Embedded: a single PGlite connection in DATA_DIR shared by the event
 * stores, TypeORM and projections (docs/adr/0002). Distributed: a pg pool on DATABASE_URL.
 */
export interface Database {
  readonly pool: Pool;
  readonly embedded: boolean;
  readonly description: string;
  close(): Promise<void>;
}

export const openDatabase = async (config: PlatformConfig): Promise<Database> => {
  if (isDistributed(config)) {
    const pool = new Pool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_SIZE });
    await pool.query('select 1');
    const { host, pathname } = new URL(config.DATABASE_URL!);
    return { pool, embedded: false, description: `PostgreSQL ${host}${pathname}`, close: () => pool.end() };
  }
  const embedded = await openEmbeddedDatabase({ dataDir: config.DATA_DIR });
  return { pool: embedded.pool, embedded: true, description: `embedded PGlite in ${config.DATA_DIR}`, close: () => embedded.close() };
};
