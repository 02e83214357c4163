import { deadLetterTopicOf, topicOf, type ServiceName } from '@collab/contracts';
import { Kafka, logLevel, type LogEntry, type LoggerEntryContent, type logCreator } from 'kafkajs';
import type { MessagingLogger } from '../logger';

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaConnectionOptions {
  /** `host:port` of one or more brokers; the rest are discovered. */
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** kafkajs's own log level; default: the messaging logger's level (pino's `level`), else `warn`. */
  readonly logLevel?: KafkaLogLevel;
  /**
   * Put in front of every topic name and consumer group (`staging.` → `staging.collab.intake.events.v1`)
   * so several environments or test runs can share one cluster; empty by default, i.e. DESIGN.md §5 names.
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

/** pino's levels (the host logger's threshold) in kafkajs's terms; kafkajs has no fatal or trace. */
const FROM_PINO: Readonly<Record<string, logLevel>> = {
  silent: logLevel.NOTHING,
  fatal: logLevel.ERROR,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
  trace: logLevel.DEBUG,
};

/** The kafkajs level matching a host logger's threshold, so kafkajs builds only lines that are kept. */
export const kafkaLevelFor = (hostLevel: string | undefined): logLevel => FROM_PINO[hostLevel ?? ''] ?? logLevel.WARN;

export type LoggerMethod = 'error' | 'warn' | 'info' | 'debug';

/** The logger method a kafkajs line is written with. */
export const loggerMethodFor = (level: logLevel): LoggerMethod | undefined => {
  switch (level) {
    case logLevel.ERROR:
      return 'error';
    case logLevel.WARN:
      return 'warn';
    case logLevel.INFO:
      return 'info';
    case logLevel.DEBUG:
      return 'debug';
    case logLevel.NOTHING:
      return undefined;
  }
};

/**
 * The relay bounds the idempotent producer's retries and replaces the producer after a failed send
 * (a fresh producer id, so no stale sequence numbers survive), which is the situation this kafkajs
 * warning is about; repeating it on every start would only teach operators to ignore warnings.
 */
const EXPECTED_WARNINGS = [/Limiting retries for the idempotent producer/];

/**
 * kafkajs's log creator: every line goes to the host's logger as a structured record, its
 * namespace (`Consumer`, `Connection`, …) under `kafkajs`, its level as the logger's level. The
 * entry's own timestamp and `logger: 'kafkajs'` are dropped: the logger stamps its own time.
 */
export const kafkaLogCreator =
  (logger: MessagingLogger): logCreator =>
  () =>
  ({ namespace, level, log }: LogEntry): void => {
    const { message, timestamp: _timestamp, logger: _kafkajs, ...context } = log as LoggerEntryContent & Record<string, unknown>;
    const method = loggerMethodFor(level);
    if (method === undefined || EXPECTED_WARNINGS.some((pattern) => pattern.test(message))) return;
    logger[method]?.({ ...context, kafkajs: namespace }, message);
  };

/** The one place a kafkajs client is built: the logs go to the host's logger. */
export const createKafka = (options: KafkaConnectionOptions, logger: MessagingLogger): Kafka =>
  new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: options.logLevel === undefined ? kafkaLevelFor(logger.level) : LEVELS[options.logLevel],
    logCreator: kafkaLogCreator(logger),
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
