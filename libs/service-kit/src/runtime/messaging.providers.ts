import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { REACTOR_FLUSH } from '@collab/following';
import { KafkaEventConsumer, KafkaEventRelay, LogFedEventConsumer, type EventConsumerPort } from '@collab/messaging';
import type { PlatformConfig } from '../config/platform.config';
import { Readiness } from '../health/readiness';
import type { Database } from './database';
import { FollowerHost, followerLogger } from './following/follower-host';
import { HostedServices } from './hosted-services';
import { migrateSchema } from './migrations/schema-migrations';
import { PLATFORM_CONFIG } from './tokens';

const kafkaOf = (config: PlatformConfig) => ({
  brokers: config.KAFKA_BROKERS!.split(','),
  clientId: `collab-${config.SERVICE}`,
  topicPrefix: config.KAFKA_TOPIC_PREFIX,
});

/** The embedded transport's consumers keep their checkpoints, leases and dead letters here. */
const LOG_FED_HOME = 'messaging';

/**
 * With Kafka configured, services hear each other through topics; without it (embedded), the
 * same consumer port follows the source service's event log in this process, as a follower of the runtime.
 */
export const createEventConsumer = async (
  config: PlatformConfig,
  database: Database,
  hosted: HostedServices,
  runtime: { readonly followers: FollowerHost; readonly readiness: Readiness },
): Promise<EventConsumerPort> => {
  if (config.KAFKA_BROKERS) return kafkaConsumers(config, database, runtime.readiness);
  const { followers } = runtime;
  await migrateSchema(database, LOG_FED_HOME, []);
  return new LogFedEventConsumer({
    sources: (service) => hosted.get(service),
    run: (definition, log) => followers.run(definition, log),
    home: LOG_FED_HOME,
    db: database.pool,
    logger: followerLogger(new Logger('Consumers')),
  });
};

/**
 * Parked keys and dead letters in the consuming service's own schema; /ready says whether every
 * consumer group was joined (a member that cannot join keeps trying, and says so here).
 */
const kafkaConsumers = async (config: PlatformConfig, database: Database, readiness: Readiness): Promise<EventConsumerPort> => {
  const home = config.SERVICE === 'platform' ? LOG_FED_HOME : config.SERVICE;
  if (home === LOG_FED_HOME) await migrateSchema(database, LOG_FED_HOME, []);
  const consumer = new KafkaEventConsumer({ kafka: kafkaOf(config), partitions: config.KAFKA_PARTITIONS, store: { db: database.pool, home }, transactions: database.pool, logger: followerLogger(new Logger('Consumers')) });
  readiness.register('kafka consumers', () => {
    const members = consumer.status();
    return { ready: members.every((member) => member.joined), detail: members };
  });
  return consumer;
};

/**
 * In distributed mode each service's log is relayed to its Kafka topic by a follower `relay:<service>`:
 * on N replicas, the one holding its lease publishes; the others stand by.
 */
@Injectable()
export class RelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relays: KafkaEventRelay[] = [];

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly hosted: HostedServices,
    private readonly followers: FollowerHost,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.KAFKA_BROKERS) return;
    for (const { contract } of this.hosted.all()) {
      const relay = new KafkaEventRelay({ contract, kafka: kafkaOf(this.config), partitions: this.config.KAFKA_PARTITIONS, logger: followerLogger(new Logger('Relay')) });
      this.relays.push(relay);
      this.followers.run({ name: `relay:${contract.service}`, home: contract.service, handler: relay, flush: REACTOR_FLUSH }, contract.service);
    }
  }

  /** After the followers stopped (onModuleDestroy): their producers go. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.relays.splice(0).map((relay) => relay.close()));
  }
}
