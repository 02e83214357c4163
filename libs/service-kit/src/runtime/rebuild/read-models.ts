import type { StoredEventVersions } from '@collab/event-store';
import type { Provider } from '@nestjs/common';
import type { CollabEvent, ServiceName } from '@collab/contracts';
import type { SqlExecutor } from '@collab/following';
import type { MigrationClass } from '../migrations/schema-migrations';
import { Projection } from '../following/followers';

/** What a service tells the rebuild command: its schema's migrations, its read-model entities and projections. */
export interface ServiceReadModels {
  readonly service: ServiceName;
  readonly migrations: readonly MigrationClass[];
  /** TypeORM entities its projections use through repositories. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity classes as Function
  readonly entities: readonly Function[];
  /** Projection classes; a rebuild constructs its own instance, so they take no constructor arguments. */
  readonly projections: readonly (new () => Projection)[];
  /** The service's stored event versions (as ServiceStoreModule gets them), so a rebuild folds what a running service folds. */
  readonly storedEvents?: StoredEventVersions;
  /** Read models a consumer keeps from other services' published events (rebuilt from their logs). */
  readonly followed?: readonly FollowedReadModel[];
}

/** One other service's log a followed read model is fed from, and what each published event does to the tables. */
export interface FollowedSource {
  readonly source: ServiceName;
  /** What the live consumer does with the event, or undefined for an event it does not read. */
  readonly effect: (event: CollabEvent) => ((tx: SqlExecutor) => Promise<void>) | undefined;
}

/**
 * A read model consumers keep from other services' logs (the data service's facts): rebuilt by
 * applying every published event of each source log, as the live consumers would, into shadow
 * tables that are then swapped in. Its effects must give the same rows when applied twice.
 */
export interface FollowedReadModel {
  readonly name: string;
  readonly tables: readonly string[];
  readonly sources: readonly FollowedSource[];
}

/** The name an operator types: the projection's name without its service and generation (`workflow.case-view.2` → `case-view`). */
export const readModelName = (projection: Projection): string =>
  projection.name.replace(new RegExp(`^${projection.log}\\.`), '').replace(/\.\d+$/, '');

export class UnknownReadModel extends Error {
  override readonly name = 'UnknownReadModel';
  constructor(service: string, asked: string, known: readonly string[]) {
    super(`${service} has no read model ${JSON.stringify(asked)}; it has ${known.join(', ')}`);
  }
}

export class NotRebuildable extends Error {
  override readonly name = 'NotRebuildable';
  constructor(name: string, why: string) {
    super(`${name} cannot be rebuilt: ${why}`);
  }
}

/** The projection an operator names by its read model (or its full projection name). */
export const findReadModel = (readModels: ServiceReadModels, asked: string): Projection => {
  const projections = readModels.projections.map((Class) => new Class());
  const found = projections.find(
    (projection) => readModelName(projection) === asked || projection.name === asked,
  );
  if (!found) throw new UnknownReadModel(readModels.service, asked, projections.map(readModelName));
  if (found.notRebuildable !== undefined) throw new NotRebuildable(found.name, found.notRebuildable);
  return found;
};

/** The projection classes among a module's providers: the read models a service lists for the rebuild command. */
export const projectionsAmong = (providers: readonly Provider[]): (new () => Projection)[] =>
  providers.filter(
    (provider): provider is new () => Projection =>
      typeof provider === 'function' && provider.prototype instanceof Projection,
  );
