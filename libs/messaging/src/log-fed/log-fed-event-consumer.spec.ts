import type { CollabEvent } from '@collab/contracts';
import { InMemoryDeadLetterSink } from '../dead-letter.port';
import type { MessagingLogger } from '../logger';
import type { RunningConsumer } from '../messaging.port';
import { caseAcknowledged, caseId, caseNoteDrafted, caseOpened, intakeContract } from '../testing/collab-fixtures';
import { delay, eventually } from '../testing/eventually';
import { InMemoryEventStore } from '@collab/event-store';
import { FakeCheckpointStore } from '../testing/fake-checkpoint-store';
import { LogFedEventConsumer } from './log-fed-event-consumer';

/** A handler that just remembers what it was given. */
const recordInto =
  <T>(list: T[], pick: (event: CollabEvent) => T) =>
  (event: CollabEvent): Promise<void> => {
    list.push(pick(event));
    return Promise.resolve();
  };
const quietLogger: MessagingLogger = { warn: () => undefined, error: () => undefined };
const fast = { initialMs: 1, maxMs: 5 };

const setup = () => {
  const eventStore = new InMemoryEventStore({ pollIntervalMs: 10 });
  const checkpoints = new FakeCheckpointStore();
  const deadLetters = new InMemoryDeadLetterSink();
  const consumer = new LogFedEventConsumer({
    sources: { intake: { eventStore, contract: intakeContract } },
    checkpoints,
    deadLetters,
    handlerBackoff: fast,
    restartBackoff: fast,
    logger: quietLogger,
  });
  return { eventStore, checkpoints, deadLetters, consumer };
};

describe('LogFedEventConsumer (embedded transport)', () => {
  let running: RunningConsumer | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('hands over published events in log order as the same CloudEvents envelopes Kafka carries', async () => {
    const { eventStore, consumer } = setup();
    const stream = caseId();
    await eventStore.append(stream, [caseOpened({ region: 'GD-SZ' }), caseAcknowledged()], 'any');
    const seen: CollabEvent[] = [];
    running = await consumer.consume({ consumerName: 'workflow-cases', source: 'intake', handle: recordInto(seen, (event) => event) });

    await eventually(() => expect(seen).toHaveLength(2));
    expect(seen.map((event) => event.type)).toEqual(['collab.intake.CaseOpened.v1', 'collab.intake.CaseAcknowledged.v1']);
    expect(seen[0]).toMatchObject({
      specversion: '1.0',
      source: '/collab/intake',
      subject: stream,
      streamversion: 1,
      position: '1',
      correlationid: 'corr-1',
      actor: 'user:agent-17',
      data: { region: 'GD-SZ' },
    });
  });

  it('skips internal event types but still moves its checkpoint past them', async () => {
    const { eventStore, checkpoints, consumer } = setup();
    await eventStore.append(caseId(), [caseNoteDrafted(), caseOpened(), caseNoteDrafted()], 'any');
    const types: string[] = [];
    running = await consumer.consume({ consumerName: 'kpi', source: 'intake', handle: recordInto(types, (event) => event.type) });

    await eventually(() => expect(checkpoints.positions.get('consumer:kpi')).toBe(3n));
    expect(types).toEqual(['collab.intake.CaseOpened.v1']);
  });

  it('resumes after its stored checkpoint and follows new events live', async () => {
    const { eventStore, checkpoints, consumer } = setup();
    await eventStore.append(caseId(), [caseOpened(), caseOpened()], 'any');
    await checkpoints.save('consumer:data-cube', 1n);
    const positions: string[] = [];
    running = await consumer.consume({ consumerName: 'data-cube', source: 'intake', handle: recordInto(positions, (event) => event.position) });
    await eventStore.append(caseId(), [caseOpened()], 'any');

    await eventually(() => expect(positions).toEqual(['2', '3']));
  });

  it('retries a failing handler and delivers the event once it succeeds', async () => {
    const { eventStore, deadLetters, consumer } = setup();
    await eventStore.append(caseId(), [caseOpened()], 'any');
    let calls = 0;
    running = await consumer.consume({
      consumerName: 'flaky',
      source: 'intake',
      maxAttempts: 5,
      handle: () => {
        calls += 1;
        return calls < 3 ? Promise.reject(new Error('read model busy')) : Promise.resolve();
      },
    });

    await eventually(() => expect(calls).toBe(3));
    await delay(30);
    expect(calls).toBe(3);
    expect(deadLetters.letters).toEqual([]);
  });

  it('dead-letters an event after maxAttempts with the error, then moves on to the next one', async () => {
    const { eventStore, checkpoints, deadLetters, consumer } = setup();
    const poison = caseOpened({ region: 'poison' });
    await eventStore.append(caseId(), [poison, caseOpened({ region: 'GD-GZ' })], 'any');
    const handled: unknown[] = [];
    running = await consumer.consume({
      consumerName: 'strict',
      source: 'intake',
      maxAttempts: 3,
      handle: (event) => {
        if (event.data['region'] === 'poison') return Promise.reject(new TypeError('region unknown'));
        handled.push(event.data['region']);
        return Promise.resolve();
      },
    });

    await eventually(() => expect(checkpoints.positions.get('consumer:strict')).toBe(2n));
    expect(handled).toEqual(['GD-GZ']);
    expect(deadLetters.letters).toHaveLength(1);
    expect(deadLetters.letters[0]).toMatchObject({
      consumerName: 'strict',
      attempts: 3,
      event: { id: poison.id, type: 'collab.intake.CaseOpened.v1' },
      error: { name: 'TypeError', message: 'region unknown' },
    });
  });

  it('saves its checkpoint only after the whole batch was handled', async () => {
    const { eventStore, checkpoints, consumer } = setup();
    await eventStore.append(caseId(), [caseOpened(), caseOpened(), caseOpened()], 'any');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    running = await consumer.consume({
      consumerName: 'slow',
      source: 'intake',
      handle: async () => {
        calls += 1;
        if (calls === 3) await gate;
      },
    });

    await eventually(() => expect(calls).toBe(3));
    expect(checkpoints.positions.get('consumer:slow')).toBeUndefined();
    release();
    await eventually(() => expect(checkpoints.positions.get('consumer:slow')).toBe(3n));
  });

  it('redelivers a batch whose checkpoint could not be saved, and carries on once the store is back', async () => {
    const { eventStore, checkpoints, consumer } = setup();
    checkpoints.failNextSaves(2);
    await eventStore.append(caseId(), [caseOpened()], 'any');
    const deliveries: string[] = [];
    running = await consumer.consume({ consumerName: 'ledger', source: 'intake', handle: recordInto(deliveries, (event) => event.id) });

    await eventually(() => expect(checkpoints.positions.get('consumer:ledger')).toBe(1n));
    expect(deliveries).toHaveLength(3);
    expect(new Set(deliveries).size).toBe(1);
  });

  it('stops promptly during a retry backoff without marking the event done', async () => {
    const eventStore = new InMemoryEventStore({ pollIntervalMs: 10 });
    const checkpoints = new FakeCheckpointStore();
    const consumer = new LogFedEventConsumer({
      sources: { intake: { eventStore, contract: intakeContract } },
      checkpoints,
      deadLetters: new InMemoryDeadLetterSink(),
      handlerBackoff: { initialMs: 60_000, maxMs: 60_000 },
      logger: quietLogger,
    });
    await eventStore.append(caseId(), [caseOpened()], 'any');
    let calls = 0;
    const stopping = await consumer.consume({ consumerName: 'patient', source: 'intake', handle: () => Promise.reject(new Error(`failure ${(calls += 1)}`)) });
    await eventually(() => expect(calls).toBe(1));

    const startedAt = Date.now();
    await stopping.stop();
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(checkpoints.positions.get('consumer:patient')).toBeUndefined();
  });

  it("follows a source found through the host's registry ({ contract, store })", async () => {
    const eventStore = new InMemoryEventStore({ pollIntervalMs: 10 });
    const registry = new Map([['intake', { contract: intakeContract, store: eventStore }]]);
    const consumer = new LogFedEventConsumer({
      sources: (service) => registry.get(service),
      checkpoints: new FakeCheckpointStore(),
      deadLetters: new InMemoryDeadLetterSink(),
      logger: quietLogger,
    });
    await eventStore.append(caseId(), [caseOpened()], 'any');
    const types: string[] = [];
    running = await consumer.consume({ consumerName: 'registry', source: 'intake', handle: recordInto(types, (event) => event.type) });

    await eventually(() => expect(types).toEqual(['collab.intake.CaseOpened.v1']));
  });

  it('refuses a source it has no log for', async () => {
    const { consumer } = setup();
    await expect(consumer.consume({ consumerName: 'x', source: 'kpi', handle: () => Promise.resolve() })).rejects.toThrow(/no event log.*kpi/);
  });
});
