import { Logger, type Provider } from '@nestjs/common';
import { PostgresLeases } from '@collab/following';
import type { Database } from '../database';
import { DATABASE } from '../tokens';

export const LEASES = Symbol('LEASES');

const logger = new Logger('Leases');

/**
 * One lease keeper per process. Embedded, the data folder's lock already makes this process the
 * only one, so it takes every lease at once (a crashed predecessor's need not expire first).
 */
export const leasesProvider: Provider = {
  provide: LEASES,
  inject: [DATABASE],
  useFactory: (database: Database) =>
    new PostgresLeases({
      pool: database.pool,
      takeOver: database.embedded,
      onError: (error) => logger.warn({ msg: 'lease renewal failed; retrying', error: (error as Error).message }),
    }),
};
