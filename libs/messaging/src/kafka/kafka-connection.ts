import { deadLetterTopicOf, topicOf, type ServiceName } from '@collab/contracts';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { MessagingLogger } from '../logger';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaConnectionOptions {
  /** `host:port` of one or more brokers; the rest are discovered. */
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** kafkajs's own log level, routed to the messaging logger; default `warn`. */
  readonly logLevel?: KafkaLogLevel;
  /**
   * Put in front of every topic name (`staging.` → `staging.collab.intake.events.v1`) so several
   * environments or test runs can share one cluster; empty by default, i.e. DESIGN.md §5 names.
   */
  readonly topicPrefix?: string;
}

const LEVELS: Readonly<Record<KafkaLogLevel, logLevel>> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/**
 * The relay bounds the idempotent producer's retries and replaces the producer after a failed send
 * (a fresh producer id, so no stale sequence numbers survive), which is the situation this kafkajs
 * warning is about; repeating it on every start would only teach operators to ignore warnings.
 */
const EXPECTED_WARNINGS = [/Limiting retries for the idempotent producer/];

const routeLogs =
  (logger: MessagingLogger) =>
  () =>
  ({ namespace, level, log }: LogEntry): void => {
    const { message, ...context } = log;
    if (level > logLevel.WARN || EXPECTED_WARNINGS.some((pattern) => pattern.test(message))) return;
    if (level === logLevel.ERROR) logger.error({ ...context, kafkajs: namespace }, message);
    else logger.warn({ ...context, kafkajs: namespace }, message);
  };

/** The one place a kafkajs client is built: the logs go to the host's logger. */
export const createKafka = (options: KafkaConnectionOptions, logger: MessagingLogger): Kafka =>
  new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: LEVELS[options.logLevel ?? 'warn'],
    logCreator: routeLogs(logger),
    connectionTimeout: 3_000,
  });

export interface ServiceTopics {
  readonly events: string;
  readonly deadLetters: string;
}

export const serviceTopics = (service: ServiceName, options: KafkaConnectionOptions): ServiceTopics => {
  const prefix = options.topicPrefix ?? '';
  return { events: `${prefix}${topicOf(service)}`, deadLetters: `${prefix}${deadLetterTopicOf(service)}` };
};

/** Relay and consumers both ensure their topics exist, so whoever starts first sets the partition count. */
export const DEFAULT_PARTITIONS = 3;

/**
 * Creates the event topic and its dead-letter topic when missing. Brokers auto-create topics on
 * first use, but with the broker's default partition count; a topic's partition count decides how
 * far its consumers can scale, so it is set here on purpose.
 */
export const ensureTopics = async (kafka: Kafka, topics: ServiceTopics, partitions: number): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [topics.events, topics.deadLetters].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin
      .createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true })
      .catch(async (error: unknown) => {
        // Another relay or consumer may have created them between listTopics and createTopics.
        const now = new Set(await admin.listTopics());
        if (!missing.every((topic) => now.has(topic))) throw error;
      });
  } finally {
    await admin.disconnect();
  }
};
