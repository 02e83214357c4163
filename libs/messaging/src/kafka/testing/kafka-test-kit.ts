import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import type { MessagingLogger } from '../../logger';
import type { KafkaConnectionOptions } from '../kafka-connection';

// Integration tests assume a running broker (scripts/kafka.sh start; CI starts it the same way).
export const KAFKA_BROKERS = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

export const quietLogger: MessagingLogger = { warn: () => undefined, error: () => undefined };

/** A topic prefix no other test or run uses, so tests never read each other's messages. */
export const uniquePrefix = (label: string): string => `test.${label}.${Date.now().toString(36)}${randomBytes(3).toString('hex')}.`;

export const connection = (topicPrefix: string, brokers: readonly string[] = KAFKA_BROKERS): KafkaConnectionOptions => ({
  brokers,
  clientId: 'messaging-int-test',
  logLevel: 'nothing',
  topicPrefix,
});

export const rawKafka = (brokers: readonly string[] = KAFKA_BROKERS): Kafka =>
  new Kafka({ clientId: 'messaging-int-test-probe', brokers: [...brokers], logLevel: logLevel.NOTHING });

export interface SeenMessage {
  readonly key: string | undefined;
  readonly value: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly partition: number;
  readonly offset: string;
}

const textHeaders = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]));

/** Reads a topic from the beginning with a throwaway group, collecting what it sees. */
export class TopicReader {
  readonly messages: SeenMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async open(topic: string, brokers: readonly string[] = KAFKA_BROKERS): Promise<TopicReader> {
    const consumer = rawKafka(brokers).consumer({ groupId: `reader-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 200 });
    const reader = new TopicReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        reader.messages.push({
          key: message.key?.toString(),
          value: message.value?.toString(),
          headers: textHeaders(message.headers),
          partition,
          offset: message.offset,
        });
        return Promise.resolve();
      },
    });
    return reader;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

export const withAdmin = async <T>(work: (admin: Admin) => Promise<T>, brokers: readonly string[] = KAFKA_BROKERS): Promise<T> => {
  const admin = rawKafka(brokers).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
};

/** Messages ever written to a topic (sum of high watermarks; nothing is deleted during a test). */
export const messageCount = (topic: string, brokers: readonly string[] = KAFKA_BROKERS): Promise<number> =>
  withAdmin(async (admin) => (await admin.fetchTopicOffsets(topic)).reduce((sum, { high }) => sum + Number(high), 0), brokers);

/** Whether the group committed, on every partition, the offset after the last message. */
export const committedEverything = (groupId: string, topic: string): Promise<boolean> =>
  withAdmin(async (admin) => {
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
    const byPartition = new Map(committed?.partitions.map(({ partition, offset }) => [partition, offset]) ?? []);
    return ends.every(({ partition, high }) => high === '0' || byPartition.get(partition) === high);
  });

export const rawProducer = async (): Promise<Producer> => {
  const producer = rawKafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  return producer;
};
