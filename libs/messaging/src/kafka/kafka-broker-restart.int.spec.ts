import type { CollabEvent } from '@collab/contracts';
import { caseAcknowledged, caseId, caseOpened, intakeContract } from '../testing/collab-fixtures';
import { delay, eventually } from '../testing/eventually';
import { connection, TopicReader, uniquePrefix } from './testing/kafka-test-kit';
import { PrivateBroker } from './testing/private-broker';
import { RelayHarness } from './testing/relay-harness';

jest.setTimeout(120_000);

/** Firsts of each event id in arrival order: duplicates are allowed (at least once), gaps are not. */
const firstSeen = (values: readonly (string | undefined)[]): CollabEvent[] => {
  const seen = new Map<string, CollabEvent>();
  for (const value of values) {
    const event = JSON.parse(value ?? '') as CollabEvent;
    if (!seen.has(event.id)) seen.set(event.id, event);
  }
  return [...seen.values()];
};

describe('KafkaEventRelay across a broker restart', () => {
  let broker: PrivateBroker;
  let relay: RelayHarness | undefined;

  beforeAll(async () => {
    broker = await PrivateBroker.create();
    await broker.start();
  });
  afterAll(async () => {
    await relay?.close();
    await broker.destroy();
  });

  it('holds its checkpoint while the broker is down and publishes everything once it is back', async () => {
    const prefix = uniquePrefix('relay-outage');
    const topic = `${prefix}collab.intake.events.v1`;
    relay = await RelayHarness.open('relay_outage', intakeContract, connection(prefix, [broker.address]));
    const eventStore = relay.store;
    const streams = [caseId(), caseId(), caseId(), caseId()];
    const appendWave = () => Promise.all(streams.map((stream) => eventStore.append(stream, [caseOpened(), caseAcknowledged()], 'any')));
    relay.start();

    await appendWave();
    await eventually(async () => expect(await relay!.checkpoint()).toBe(8n));
    await broker.stop();
    await appendWave();
    await delay(1_500);
    expect(await relay.checkpoint()).toBe(8n);

    await broker.start();
    await eventually(async () => expect(await relay!.checkpoint()).toBe(16n), { timeoutMs: 60_000 });
    const reader = await TopicReader.open(topic, [broker.address]);
    try {
      await eventually(() => expect(firstSeen(reader.messages.map((message) => message.value))).toHaveLength(16));
      const events = firstSeen(reader.messages.map((message) => message.value));
      for (const stream of streams)
        expect(events.filter((event) => event.subject === stream).map((event) => event.streamversion)).toEqual([1, 2, 3, 4]);
    } finally {
      await reader.stop();
    }
  });

  it('stops at once while the broker is unreachable, leaving the unacknowledged batch to the next run', async () => {
    await relay?.close();
    relay = await RelayHarness.open('relay_stop', intakeContract, connection(uniquePrefix('relay-stop'), [broker.address]));
    const eventStore = relay.store;
    relay.start();
    await broker.stop();
    await eventStore.append(caseId(), [caseOpened()], 'any');
    await delay(1_000);

    const startedAt = Date.now();
    await relay.stop();
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(await relay.checkpoint()).toBe(0n);
  });
});
