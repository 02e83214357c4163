import type { CollabEvent } from '@collab/contracts';
import { DEFAULT_READ_BATCH } from '@collab/following';
import { toCollabEvent } from '../envelope';
import { encodeCollabEvent } from './cloud-event.codec';
import { caseAcknowledged, caseId, caseNoteDrafted, caseOpened, intakeContract } from '../testing/collab-fixtures';
import { eventually } from '../testing/eventually';
import { connection, messageCount, TopicReader, uniquePrefix, withAdmin } from './testing/kafka-test-kit';
import { RelayHarness } from './testing/relay-harness';

jest.setTimeout(60_000);

const harnesses: RelayHarness[] = [];
const setup = async (label: string) => {
  const prefix = uniquePrefix(label);
  const harness = await RelayHarness.open(label.replace(/-/g, '_'), intakeContract, connection(prefix));
  harnesses.push(harness);
  return { topic: `${prefix}collab.intake.events.v1`, harness, eventStore: harness.store };
};

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
});

describe('KafkaEventRelay', () => {
  it('publishes each published event as a structured CloudEvent keyed by its stream id', async () => {
    const { topic, eventStore, harness } = await setup('relay-envelope');
    const first = caseId();
    const second = caseId();
    const opened = caseOpened({ region: 'GD-SZ' });
    await eventStore.append(first, [opened, caseNoteDrafted(), caseAcknowledged()], 'any');
    await eventStore.append(second, [caseOpened()], 'any');
    harness.start();
    await eventually(async () => expect(await harness.checkpoint()).toBe(4n));
    const reader = await TopicReader.open(topic);
    try {
      await eventually(() => expect(reader.messages).toHaveLength(3));

      const ofFirst = reader.messages.filter((message) => message.key === first);
      expect(new Set(ofFirst.map((message) => message.partition)).size).toBe(1);
      const envelopes = ofFirst.map((message) => JSON.parse(message.value ?? '') as CollabEvent);
      expect(envelopes.map((event) => event.type)).toEqual(['collab.intake.CaseOpened.v1', 'collab.intake.CaseAcknowledged.v1']);
      expect(ofFirst[0]?.headers['content-type']).toBe('application/cloudevents+json');
      expect(envelopes[0]).toEqual({
        specversion: '1.0',
        id: opened.id,
        source: '/collab/intake',
        type: 'collab.intake.CaseOpened.v1',
        subject: first,
        time: expect.any(String),
        datacontenttype: 'application/json',
        dataschema: 'urn:collab:schema:intake:CaseOpened:v1',
        data: opened.data,
        streamversion: 1,
        position: '1',
        correlationid: 'corr-1',
        actor: 'user:agent-17',
      });
      expect(reader.messages.some((message) => message.key === second)).toBe(true);
    } finally {
      await reader.stop();
      await harness.stop();
    }
  });

  it('given a backlog of several read batches, publishes every published event once, in order per case, exactly as toCollabEvent encodes it', async () => {
    const { topic, eventStore, harness } = await setup('relay-backlog');
    // Five cases written in turns, an internal note now and then: more than two read batches,
    // so later batches are the ones the relay encoded ahead while the broker acknowledged.
    const cases = Array.from({ length: 5 }, () => caseId());
    for (let turn = 0; turn < Math.ceil((2.5 * DEFAULT_READ_BATCH) / 50); turn += 1)
      await eventStore.appendMany(cases.map((streamId) => ({ streamId, events: Array.from({ length: 10 }, (_, index) => (index === 3 ? caseNoteDrafted() : turn === 0 && index === 0 ? caseOpened() : caseAcknowledged())), expected: 'any' as const })));
    const stored = (await eventStore.readAll({ after: 0n, maxCount: 10 * DEFAULT_READ_BATCH })).filter((event) => event.type !== 'CaseNoteDrafted');

    harness.start();
    const head = await eventStore.headPosition();
    await eventually(async () => expect(await harness.checkpoint()).toBe(head), { timeoutMs: 30_000 });
    const reader = await TopicReader.open(topic);
    try {
      await eventually(() => expect(reader.messages).toHaveLength(stored.length), { timeoutMs: 30_000 });
      expect(await messageCount(topic)).toBe(stored.length);
      for (const streamId of cases) {
        const published = reader.messages.filter((message) => message.key === streamId).map((message) => message.value);
        const expected = stored.filter((event) => event.streamId === streamId).map((event) => encodeCollabEvent(toCollabEvent(intakeContract, event)).value);
        expect(published).toEqual(expected);
      }
    } finally {
      await reader.stop();
      await harness.stop();
    }
  });

  it('creates its topic and the dead-letter topic with the configured partition count', async () => {
    const { topic, eventStore, harness } = await setup('relay-topics');
    await eventStore.append(caseId(), [caseOpened()], 'no_stream');
    harness.start(4);
    await eventually(async () => expect(await harness.checkpoint()).toBe(1n));
    await harness.stop();

    const { topics } = await withAdmin((admin) => admin.fetchTopicMetadata({ topics: [topic, `${topic}.dlq`] }));
    expect(topics.map((entry) => entry.partitions.length)).toEqual([4, 4]);
  });

  it('after a restart republishes nothing already acknowledged and carries on from its checkpoint', async () => {
    const { topic, eventStore, harness } = await setup('relay-restart');
    const stream = caseId();
    await eventStore.append(stream, [caseOpened(), caseAcknowledged()], 'any');
    harness.start();
    await eventually(async () => expect(await harness.checkpoint()).toBe(2n));
    await harness.stop();

    await eventStore.append(stream, [caseAcknowledged(), caseAcknowledged()], 'any');
    harness.start();
    try {
      await eventually(async () => expect(await harness.checkpoint()).toBe(4n));
      expect(await messageCount(topic)).toBe(4);
      const reader = await TopicReader.open(topic);
      await eventually(() => expect(reader.messages).toHaveLength(4));
      await reader.stop();
      const versions = reader.messages.map((message) => (JSON.parse(message.value ?? '') as CollabEvent).streamversion);
      expect(versions).toEqual([1, 2, 3, 4]);
    } finally {
      await harness.stop();
    }
  });
});
