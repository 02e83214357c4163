import { randomBytes } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { eventually } from '../testing/eventually';
import { rawKafka, withAdmin } from './testing/kafka-test-kit';

jest.setTimeout(60_000);

/**
 * DESIGN.md §7: Kafka 4.x removed old protocol versions (KIP-896) and kafkajs 2.2.4 (last released
 * 2023) negotiates per request. This spec is the proof that every call messaging relies on works
 * against the broker scripts/kafka.sh runs; see docs/adr/0003-kafka-version-and-client.md.
 */
describe('kafkajs 2.2.4 against the broker scripts/kafka.sh starts', () => {
  const run = randomBytes(4).toString('hex');
  const topic = `test.broker-proof.${run}`;
  const groupId = `broker-proof-${run}`;
  const kafka = rawKafka();

  afterAll(() => withAdmin((admin) => admin.deleteTopics({ topics: [topic] })));

  it('creates a topic and reads it back through metadata and the topic list (admin)', async () => {
    await withAdmin(async (admin) => {
      expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true })).toBe(true);
      expect(await admin.listTopics()).toContain(topic);
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(topics[0]?.partitions).toHaveLength(3);
    });
  });

  it('produces with the idempotent producer and acks from all in-sync replicas', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      const acks = await producer.send({
        topic,
        acks: -1,
        messages: ['case-1', 'case-2', 'case-3'].map((key) => ({ key, value: `opened ${key}`, headers: { 'content-type': 'text/plain' } })),
      });
      expect(acks.every(({ errorCode }) => errorCode === 0)).toBe(true);
    } finally {
      await producer.disconnect();
    }
  });

  it('consumes in a group, commits offsets, and reports them (fetchOffsets, describeGroups)', async () => {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        seen.push(message.key?.toString() ?? '');
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
    try {
      await eventually(() => expect(seen.sort()).toEqual(['case-1', 'case-2', 'case-3']));
      await withAdmin(async (admin) => {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const committed = offsets?.partitions.reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
        expect(committed).toBe(3);
        const { groups } = await admin.describeGroups([groupId]);
        expect(groups[0]).toMatchObject({ groupId, state: 'Stable' });
        expect(groups[0]?.members).toHaveLength(1);
      });
    } finally {
      await consumer.disconnect();
    }
  });
});
