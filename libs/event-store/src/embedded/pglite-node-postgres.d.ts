// The package publishes this entry point only through its "exports" map, which the workspace's
// moduleResolution ("node") does not read; these are the declarations we use from its
// dist/node-postgres/index.d.ts (@electric-sql/pglite 0.5).
declare module '@electric-sql/pglite/node-postgres' {
  import type { EventEmitter } from 'node:events';
  import type { PGlite } from '@electric-sql/pglite';

  export class PGlitePgConfig {
    readonly connection: EventEmitter;
    readonly poolSize: 1;
    readonly password: string;
    readonly user: string;
    readonly database: string;
    readonly port: number;
    readonly host: string;
  }

  export function createPgConfig(pglite: PGlite): PGlitePgConfig;
}
