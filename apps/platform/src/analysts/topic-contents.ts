import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { CollabEvent } from '@collab/contracts';
import { eventually } from '@collab/testing';

export const KAFKA_BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';

/** A topic name no other test or run uses. */
export const freshTopic = (label: string): string => `test.${label}.${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export interface TopicMessage {
  readonly key: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly contentType: string | undefined;
  readonly event: CollabEvent;
}

const kafka = (): Kafka => new Kafka({ clientId: 'analysts-test', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });

/** Messages ever written to a topic (the sum of its partitions' high watermarks). */
export const messagesWritten = async (topic: string): Promise<number> => {
  const admin = kafka().admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, { high }) => sum + Number(high), 0);
  } finally {
    await admin.disconnect();
  }
};

/** Everything on a topic, read from the beginning with a throwaway group, in offset order per partition. */
export const topicContents = async (topic: string): Promise<TopicMessage[]> => {
  const expected = await messagesWritten(topic);
  const consumer = kafka().consumer({ groupId: `analysts-test-${randomBytes(6).toString('hex')}`, maxWaitTimeInMs: 200 });
  const seen: TopicMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        const contentType = message.headers?.['content-type']?.toString();
        seen.push({ key: message.key?.toString() ?? '', partition, offset: BigInt(message.offset), contentType, event: JSON.parse(message.value?.toString() ?? 'null') as CollabEvent });
        return Promise.resolve();
      },
    });
    await eventually(() => Promise.resolve(expect(seen.length).toBeGreaterThanOrEqual(expected)), { timeoutMs: 30_000 });
  } finally {
    await consumer.disconnect();
  }
  return seen.sort((a, b) => a.partition - b.partition || Number(a.offset - b.offset));
};
