import { Module, type DynamicModule } from '@nestjs/common';
import {
  connectEventStoreDb,
  NO_STORED_EVENT_UPGRADES,
  PostgresEventStore,
  TracedEventStore,
  UpcastingEventStore,
  type EventStore,
  type StoredEventVersions,
} from '@collab/event-store';
import { SharedLogReader } from '@collab/following';
import type { ServiceContract } from '@collab/contracts';
import type { PlatformConfig } from '../config/platform.config';
import type { Database } from './database';
import { HostedServices } from './hosted-services';
import { migrateSchema, type MigrationClass } from './migrations/schema-migrations';
import { DATABASE, EVENT_STORE, PLATFORM_CONFIG } from './tokens';

const openStore = async (
  contract: ServiceContract,
  config: PlatformConfig,
  database: Database,
): Promise<EventStore> => {
  if (config.EVENTSTORE_CONNECTION_STRING)
    return connectEventStoreDb({
      connectionString: config.EVENTSTORE_CONNECTION_STRING,
      prefix: contract.service,
    });
  const store = new PostgresEventStore({ pool: database.pool, schema: contract.service });
  await store.ensureSchema();
  return store;
};

/**
 * How long an idle log reader waits before looking anyway. Commits in this process wake it at
 * once, and in the distributed mode NOTIFY brings other processes' commits; EventStoreDB's adapter
 * has no such signal, so its readers look more often.
 */
const fallbackPollMs = (config: PlatformConfig): number =>
  config.EVENTSTORE_CONNECTION_STRING ? 200 : 2_000;

export interface ServiceStoreOptions {
  /** The service's read-model migrations, oldest first (the runtime's own tables come first anyway). */
  readonly migrations?: readonly MigrationClass[];
  /** The schema versions of the service's stored events and the upcasters that lift older ones; none when absent. */
  readonly storedEvents?: StoredEventVersions;
}

/**
 * Gives a service module its own event store (its own schema), brings the schema's tables to their
 * newest version under the migration lock, and announces the service, with the one reader of its
 * log, to the runtime.
 */
@Module({})
export class ServiceStoreModule {
  static forService(contract: ServiceContract, options: ServiceStoreOptions = {}): DynamicModule {
    return {
      module: ServiceStoreModule,
      providers: [
        {
          provide: EVENT_STORE,
          inject: [PLATFORM_CONFIG, DATABASE, HostedServices],
          useFactory: async (config: PlatformConfig, database: Database, hosted: HostedServices) => {
            // Every append stamps its schema version and every read lifts older events, the relay's and the folds' alike.
            const store = new UpcastingEventStore(
              await openStore(contract, config, database),
              options.storedEvents ?? NO_STORED_EVENT_UPGRADES,
            );
            await migrateSchema(database, contract.service, options.migrations ?? []);
            hosted.register({
              contract,
              store,
              reader: new SharedLogReader(store, { pollMs: fallbackPollMs(config) }),
            });
            // The service appends through this one: each append a span, each event carrying its trace.
            return new TracedEventStore(store, contract.service);
          },
        },
      ],
      exports: [EVENT_STORE],
    };
  }
}
