import { Module, type DynamicModule } from '@nestjs/common';
import { EventStoreDbEventStore, PostgresEventStore, type EventStore } from '@collab/event-store';
import type { ServiceContract } from '@collab/contracts';
import type { PlatformConfig } from '../config/platform.config';
import type { Database } from './database';
import { HostedServices } from './hosted-services';
import { DATABASE, EVENT_STORE, PLATFORM_CONFIG } from './tokens';

const openStore = async (contract: ServiceContract, config: PlatformConfig, database: Database): Promise<EventStore> => {
  if (config.EVENTSTORE_CONNECTION_STRING)
    return EventStoreDbEventStore.connect({ connectionString: config.EVENTSTORE_CONNECTION_STRING, prefix: contract.service });
  const store = new PostgresEventStore({ pool: database.pool, schema: contract.service });
  await store.ensureSchema();
  return store;
};

/** Gives a service module its own event store (its own schema) and announces it to the runtime. */
@Module({})
export class ServiceStoreModule {
  static forService(contract: ServiceContract): DynamicModule {
    return {
      module: ServiceStoreModule,
      providers: [
        {
          provide: EVENT_STORE,
          inject: [PLATFORM_CONFIG, DATABASE, HostedServices],
          useFactory: async (config: PlatformConfig, database: Database, hosted: HostedServices) => {
            const store = await openStore(contract, config, database);
            hosted.register({ contract, store });
            return store;
          },
        },
      ],
      exports: [EVENT_STORE],
    };
  }
}
