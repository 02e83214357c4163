import type { CheckpointStore } from '../event-store.port';
import { ensureCheckpointSchema } from './postgres-schema';
import type { Queryable } from './queryable';
import { schemaName } from './sql-identifier';

export interface PostgresCheckpointStoreOptions {
  readonly pool: Queryable;
  readonly schema: string;
}

/** Checkpoints in <schema>.checkpoints(name text primary key, position bigint). */
export class PostgresCheckpointStore implements CheckpointStore {
  private readonly schema: string;
  private readonly pool: Queryable;

  constructor(options: PostgresCheckpointStoreOptions) {
    this.schema = schemaName(options.schema);
    this.pool = options.pool;
  }

  ensureSchema(): Promise<void> {
    return ensureCheckpointSchema(this.pool, this.schema);
  }

  async load(name: string): Promise<bigint> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM ${this.schema}.checkpoints WHERE name = $1`,
      [name],
    );
    return BigInt(rows[0]?.position ?? 0);
  }

  save(name: string, position: bigint): Promise<void> {
    return this.saveWith(this.pool, name, position);
  }

  /**
   * Saves through the caller's transaction (a client or query runner), so a read-model change and
   * its checkpoint commit together.
   */
  async saveWith(db: Queryable, name: string, position: bigint): Promise<void> {
    await db.query(
      `INSERT INTO ${this.schema}.checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      [name, position.toString()],
    );
  }
}
