import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { PostgresCheckpointStore } from '@collab/event-store';
import {
  KafkaEventConsumer,
  KafkaEventRelay,
  LogFedEventConsumer,
  PostgresDeadLetterSink,
  type EventConsumerPort,
  type RunningRelay,
} from '@collab/messaging';
import type { PlatformConfig } from '../config/platform.config';
import type { Database } from './database';
import { HostedServices } from './hosted-services';
import { DATABASE, PLATFORM_CONFIG } from './tokens';

const kafkaOf = (config: PlatformConfig) => ({ brokers: config.KAFKA_BROKERS!.split(','), clientId: `collab-${config.SERVICE}` });

/**
 * With Kafka configured, services hear each other through topics; without it (embedded), the
 * same consumer port follows the source service's event log in this process.
 */
export const createEventConsumer = async (
  config: PlatformConfig,
  database: Database,
  hosted: HostedServices,
): Promise<EventConsumerPort> => {
  if (config.KAFKA_BROKERS) return new KafkaEventConsumer({ kafka: kafkaOf(config) });
  const checkpoints = new PostgresCheckpointStore({ pool: database.pool, schema: 'messaging' });
  const deadLetters = new PostgresDeadLetterSink({ pool: database.pool, schema: 'messaging' });
  await checkpoints.ensureSchema();
  await deadLetters.ensureSchema();
  return new LogFedEventConsumer({ sources: (service) => hosted.get(service), checkpoints, deadLetters });
};

/** In distributed mode each process relays its own services' logs to their Kafka topics. */
@Injectable()
export class RelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Relay');
  private running: RunningRelay[] = [];

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(DATABASE) private readonly database: Database,
    private readonly hosted: HostedServices,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.KAFKA_BROKERS) return;
    for (const { contract, store } of this.hosted.all()) {
      const checkpoints = new PostgresCheckpointStore({ pool: this.database.pool, schema: contract.service });
      await checkpoints.ensureSchema();
      const relay = new KafkaEventRelay({
        eventStore: store,
        checkpoints,
        contract,
        kafka: kafkaOf(this.config),
        partitions: this.config.KAFKA_PARTITIONS,
      });
      this.running.push(await relay.start());
      this.logger.log(`relaying ${contract.service} events to Kafka`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.map((relay) => relay.stop()));
    this.running = [];
  }
}
