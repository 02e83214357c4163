import { createRequire } from 'node:module';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import type { PGlitePgConfig } from '@electric-sql/pglite/node-postgres';

interface PgliteModules {
  readonly PGlite: { create(options: PGliteOptions): Promise<PGlite> };
  readonly createPgConfig: (pglite: PGlite) => PGlitePgConfig;
  /** Extensions a service's migrations may create: pg_trgm (knowledge's typo-tolerant search vocabulary). */
  readonly extensions: NonNullable<PGliteOptions['extensions']>;
}

/**
 * PGlite's CommonJS build loads parts of itself with dynamic import(). Jest's module sandbox
 * cannot serve import() (not without --experimental-vm-modules), so PGlite is loaded through
 * Node's own loader, reached via process.getBuiltinModule, which jest does not wrap. Outside
 * jest this is the same loader and module cache as a plain import.
 */
export const loadPglite = (): PgliteModules => {
  const nodeModule = process.getBuiltinModule?.('node:module');
  const nodeRequire = (nodeModule?.createRequire ?? createRequire)(__filename);
  const { PGlite } = nodeRequire('@electric-sql/pglite') as Pick<PgliteModules, 'PGlite'>;
  const { createPgConfig } = nodeRequire('@electric-sql/pglite/node-postgres') as Pick<
    PgliteModules,
    'createPgConfig'
  >;
  const { pg_trgm } = nodeRequire('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: NonNullable<PGliteOptions['extensions']>[string] };
  return { PGlite, createPgConfig, extensions: { pg_trgm } };
};
