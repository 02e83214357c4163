import type { CollabEvent } from '@collab/contracts';
import { IllegalTransition } from '@collab/domain-kernel';
import type { NewEvent } from '@collab/event-store';
import type { Producer } from 'kafkajs';
import { toCollabEvent } from '../envelope';
import type { ConsumerSubscription, RunningConsumer } from '../messaging.port';
import { caseAcknowledged, caseId, caseOpened, intakeContract } from '../testing/collab-fixtures';
import { delay, eventually } from '../testing/eventually';
import { encodeCollabEvent } from './cloud-event.codec';
import { DEAD_LETTER_HEADERS } from './dead-letter-headers';
import { KafkaEventConsumer } from './kafka-event-consumer';
import { committedEverything, connection, messageCount, quietLogger, rawProducer, TopicReader, uniquePrefix, withAdmin } from './testing/kafka-test-kit';

jest.setTimeout(60_000);

let position = 0;
/** The envelope the relay would publish for this event, as the n-th event of its stream. */
const envelope = (stream: string, event: NewEvent, streamVersion = 1): CollabEvent =>
  toCollabEvent(intakeContract, { ...event, streamId: stream, streamVersion, position: BigInt((position += 1)), recordedAt: new Date() });

describe('KafkaEventConsumer', () => {
  let producer: Producer;
  const running: RunningConsumer[] = [];

  beforeAll(async () => (producer = await rawProducer()));
  afterAll(() => producer.disconnect());
  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
  });

  const setup = (label: string) => {
    const prefix = uniquePrefix(label);
    const topic = `${prefix}collab.intake.events.v1`;
    const consumer = new KafkaEventConsumer({ kafka: connection(prefix), maxWaitTimeMs: 200, logger: quietLogger });
    const consume = async (subscription: Omit<ConsumerSubscription, 'source'>) => {
      const member = await consumer.consume({ source: 'intake', ...subscription });
      running.push(member);
      await member.joined?.();
      return member;
    };
    const publish = (...events: CollabEvent[]) => producer.send({ topic, acks: -1, messages: events.map(encodeCollabEvent) });
    return { prefix, topic, consume, publish };
  };

  it('hands every event to the group, in stream order, and commits after the handler succeeded', async () => {
    const { prefix, topic, consume, publish } = setup('consumer-delivery');
    const streams = [caseId(), caseId(), caseId()];
    const handled: CollabEvent[] = [];
    await consume({ consumerName: 'kpi-cases', handle: (event) => Promise.resolve(void handled.push(event)) });
    await publish(...streams.flatMap((stream) => [envelope(stream, caseOpened(), 1), envelope(stream, caseAcknowledged(), 2)]));

    await eventually(() => expect(handled).toHaveLength(6));
    for (const stream of streams)
      expect(handled.filter((event) => event.subject === stream).map((event) => event.streamversion)).toEqual([1, 2]);
    await eventually(async () => expect(await committedEverything(`${prefix}kpi-cases`, topic)).toBe(true));
  });

  it('retries an infrastructure fault without limit — more often than any fixed count — and never dead-letters it', async () => {
    const { prefix, topic, consume, publish } = setup('consumer-retry');
    let attempts = 0;
    const databaseAway = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    await consume({
      consumerName: 'flaky-projection',
      handle: () => ((attempts += 1) <= 6 ? Promise.reject(databaseAway()) : Promise.resolve()),
    });
    await publish(envelope(caseId(), caseOpened()));

    await eventually(async () => expect(await committedEverything(`${prefix}flaky-projection`, topic)).toBe(true), { timeoutMs: 30_000 });
    expect(attempts).toBe(7);
    expect(await messageCount(`${topic}.dlq`)).toBe(0);
  });

  it.each([1, 4])('dead-letters poison with headers naming the error, parks its key behind it, and lets other keys flow (%i keys at once)', async (concurrentKeys) => {
    const { prefix, topic, consume, publish } = setup('consumer-dlq');
    const stream = caseId();
    const other = caseId();
    const poison = envelope(stream, caseOpened({ region: 'XX-??' }), 1);
    const behind = envelope(stream, caseAcknowledged(), 2);
    const elsewhere = envelope(other, caseOpened(), 1);
    const handled: string[] = [];
    await consume({
      consumerName: 'routing',
      concurrentKeys,
      handle: (event) =>
        event.id === poison.id ? Promise.reject(new IllegalTransition('RouteCase', 'region XX-?? is served by nobody')) : Promise.resolve(void handled.push(event.id)),
    });
    await publish(poison, behind, elsewhere);
    const dlq = await TopicReader.open(`${topic}.dlq`);

    try {
      await eventually(() => expect(dlq.messages).toHaveLength(2));
      await eventually(() => expect(handled).toEqual([elsewhere.id]));
      const [letter, waiting] = dlq.messages;
      expect(letter?.key).toBe(stream);
      expect(JSON.parse(letter?.value ?? '')).toEqual(poison);
      expect(letter?.headers).toMatchObject({
        'content-type': 'application/cloudevents+json',
        [DEAD_LETTER_HEADERS.errorName]: 'IllegalTransition',
        [DEAD_LETTER_HEADERS.consumer]: 'routing',
        [DEAD_LETTER_HEADERS.attempts]: '1',
        [DEAD_LETTER_HEADERS.originalTopic]: topic,
      });
      expect(JSON.parse(waiting?.value ?? '')).toEqual(behind);
      expect(waiting?.headers[DEAD_LETTER_HEADERS.errorMessage]).toMatch(/waits behind an earlier dead letter/);
      await eventually(async () => expect(await committedEverything(`${prefix}routing`, topic)).toBe(true));
    } finally {
      await dlq.stop();
    }
  });

  it('sends a message that is not a CloudEvent straight to the dead-letter topic, unhandled, while other keys flow', async () => {
    const { topic, consume, publish } = setup('consumer-poison');
    const stream = caseId();
    const good = envelope(caseId(), caseOpened());
    const handled: string[] = [];
    await consume({ consumerName: 'cube', handle: (event) => Promise.resolve(void handled.push(event.id)) });
    await producer.send({ topic, acks: -1, messages: [{ key: stream, value: '{not json', headers: { 'content-type': 'application/cloudevents+json' } }] });
    await publish(good);
    const dlq = await TopicReader.open(`${topic}.dlq`);

    try {
      await eventually(() => expect(handled).toEqual([good.id]));
      await eventually(() => expect(dlq.messages).toHaveLength(1));
      expect(dlq.messages[0]?.value).toBe('{not json');
      expect(dlq.messages[0]?.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.errorName]: 'UndecodableMessage',
        [DEAD_LETTER_HEADERS.attempts]: '0',
        [DEAD_LETTER_HEADERS.consumer]: 'cube',
      });
      expect(dlq.messages[0]?.headers[DEAD_LETTER_HEADERS.errorMessage]).toMatch(/not JSON/);
    } finally {
      await dlq.stop();
    }
  });

  it('with concurrentKeys, works distinct keys of a fetched batch at once while each key stays in order', async () => {
    const { prefix, topic } = setup('consumer-keys');
    // One partition: every key in the same fetched batches, so any overlap is within a partition.
    const consumer = new KafkaEventConsumer({ kafka: connection(prefix), partitions: 1, maxWaitTimeMs: 200, logger: quietLogger });
    const streams = Array.from({ length: 6 }, () => caseId());
    const seen = (concurrentKeys?: number) => {
      const handled: CollabEvent[] = [];
      const busy = new Map<string, number>();
      const most = { atOnce: 0, ofOneKey: 0 };
      const handle = async (event: CollabEvent) => {
        const key = event.subject ?? '';
        busy.set(key, (busy.get(key) ?? 0) + 1);
        most.atOnce = Math.max(most.atOnce, [...busy.values()].reduce((sum, count) => sum + count, 0));
        most.ofOneKey = Math.max(most.ofOneKey, busy.get(key)!);
        await delay(40);
        busy.set(key, busy.get(key)! - 1);
        handled.push(event);
      };
      return { handled, most, subscription: { source: 'intake' as const, handle, ...(concurrentKeys ? { concurrentKeys } : {}) } };
    };
    const together = seen(4);
    const alone = seen();
    for (const [name, { subscription }] of [['router', together], ['one-at-a-time', alone]] as const) {
      const member = await consumer.consume({ consumerName: name, ...subscription });
      running.push(member);
      await member.joined?.();
    }
    // Interleaved as a busy topic has them: each stream's events 1, 2, 3 with other streams' between.
    const events = [1, 2, 3].flatMap((version) => streams.map((stream) => envelope(stream, version === 1 ? caseOpened() : caseAcknowledged(), version)));
    await producer.send({ topic, acks: -1, messages: events.map(encodeCollabEvent) });

    await eventually(() => expect(together.handled).toHaveLength(18));
    await eventually(() => expect(alone.handled).toHaveLength(18));
    for (const { handled } of [together, alone])
      for (const stream of streams) expect(handled.filter((event) => event.subject === stream).map((event) => event.streamversion)).toEqual([1, 2, 3]);
    expect(together.most.ofOneKey).toBe(1);
    expect(together.most.atOnce).toBeGreaterThan(1);
    expect(together.most.atOnce).toBeLessThanOrEqual(4);
    expect(alone.most.atOnce).toBe(1);
    await eventually(async () => expect(await committedEverything(`${prefix}router`, topic)).toBe(true));
  });

  it('with concurrentKeys, commits only up to the first message not done; what was done past it is delivered again', async () => {
    const { prefix, topic } = setup('consumer-keys-gap');
    const consumer = new KafkaEventConsumer({ kafka: connection(prefix), partitions: 1, maxWaitTimeMs: 200, logger: quietLogger });
    const [a, b, c] = [caseId(), caseId(), caseId()];
    const [b1, a1, b2, c1] = [envelope(b, caseOpened(), 1), envelope(a, caseOpened(), 1), envelope(b, caseAcknowledged(), 2), envelope(c, caseOpened(), 1)];
    const databaseAway = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const first: string[] = [];
    let attemptsAtA = 0;
    const member = await consumer.consume({
      source: 'intake',
      consumerName: 'router',
      concurrentKeys: 4,
      // a1 meets a database that stays away while this member runs: retried, never done.
      handle: (event) => (event.id === a1.id ? ((attemptsAtA += 1), Promise.reject(databaseAway())) : Promise.resolve(void first.push(event.id))),
    });
    running.push(member);
    await member.joined?.();
    await producer.send({ topic, acks: -1, messages: [b1, a1, b2, c1].map(encodeCollabEvent) });

    await eventually(() => expect(first).toEqual(expect.arrayContaining([b1.id, b2.id, c1.id])));
    await eventually(() => expect(attemptsAtA).toBeGreaterThanOrEqual(2));
    await member.stop();
    const committed = await withAdmin((admin) => admin.fetchOffsets({ groupId: `${prefix}router`, topics: [topic] }));
    // b1 (offset 0) is done; a1 (offset 1) is not, so the group resumes at a1 although b2 and c1 were handled.
    expect(committed[0]?.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '1' })]);

    const again: string[] = [];
    running.push(await consumer.consume({ source: 'intake', consumerName: 'router', concurrentKeys: 4, handle: (event) => Promise.resolve(void again.push(event.id)) }));
    await eventually(() => expect(again).toHaveLength(3));
    expect([...again].sort()).toEqual([a1.id, b2.id, c1.id].sort());
    await eventually(async () => expect(await committedEverything(`${prefix}router`, topic)).toBe(true));
    expect(await messageCount(`${topic}.dlq`)).toBe(0);
  });

  it('shares partitions among group members and hands them over when a member stops', async () => {
    const { prefix, topic, consume, publish } = setup('consumer-group');
    const byMember: Record<'a' | 'b', string[]> = { a: [], b: [] };
    const member = (name: 'a' | 'b') => consume({ consumerName: 'tags', handle: (event) => Promise.resolve(void byMember[name].push(event.id)) });
    await member('a');
    const b = await member('b');
    const firstWave = Array.from({ length: 12 }, () => envelope(caseId(), caseOpened()));
    await publish(...firstWave);
    await eventually(() => expect(byMember.a.length + byMember.b.length).toBe(12));

    await b.stop();
    const secondWave = Array.from({ length: 12 }, () => envelope(caseId(), caseOpened()));
    await publish(...secondWave);
    await eventually(() => expect(secondWave.every((event) => byMember.a.includes(event.id))).toBe(true), { timeoutMs: 30_000 });
    await delay(200);
    expect(new Set([...byMember.a, ...byMember.b]).size).toBe(24);
    await eventually(async () => expect(await committedEverything(`${prefix}tags`, topic)).toBe(true));
  });
});
