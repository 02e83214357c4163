import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, type NewEvent, type RecordedEvent } from '@collab/event-store';
import { SharedLogReader } from './shared-log-reader';

const anEvent = (type = 'CaseOpened'): NewEvent => ({
  id: randomUUID(),
  type,
  data: { subject: '账单金额不对' },
  metadata: { correlationId: randomUUID(), actor: { id: 'agent-7', kind: 'user' } },
});

const appendMany = async (store: InMemoryEventStore, count: number): Promise<void> => {
  for (let index = 0; index < count; index += 1) await store.append(`case-${index % 7}`, [anEvent()], 'any');
};

/** A follower as the runtime runs one: ask for what follows its position until it has `until`. */
const follow = async (reader: SharedLogReader, [from, until]: [bigint, bigint], signal: AbortSignal, batches = { count: 0 }): Promise<bigint[]> => {
  const seen: bigint[] = [];
  let position = from;
  while (position < until) {
    const batch: readonly RecordedEvent[] = await reader.next(position, signal);
    for (const event of batch) seen.push(event.position);
    if (batch.length > 0) position = batch[batch.length - 1]!.position;
    if (batch.length > 0) batches.count += 1;
  }
  return seen;
};

const positions = (from: number, to: number): bigint[] => Array.from({ length: to - from + 1 }, (_, index) => BigInt(from + index));

describe('one reader per log per process', () => {
  const abort = new AbortController();
  afterAll(() => abort.abort());

  it('serves five followers at the head with one read of each batch', async () => {
    const store = new InMemoryEventStore();
    const reader = new SharedLogReader(store, { batchSize: 100, pollMs: 50 });
    const batches = Array.from({ length: 5 }, () => ({ count: 0 }));
    const followers = batches.map((counted) => follow(reader, [0n, 1_000n], abort.signal, counted));
    await appendMany(store, 1_000);
    const seen = await Promise.all(followers);
    for (const positionsSeen of seen) expect(positionsSeen).toEqual(positions(1, 1_000));
    // Appends trickle in one by one, so batches are small; each is read once for all five, where
    // five followers reading for themselves would have read it five times.
    const delivered = batches.reduce((sum, counted) => sum + counted.count, 0);
    expect(reader.storeReads).toBeLessThan(delivered / 3);
  });

  it('gives a follower a little behind the rest from the window, and one far behind its own reads, each event once and in order', async () => {
    const store = new InMemoryEventStore();
    await appendMany(store, 3_000);
    const reader = new SharedLogReader(store, { batchSize: 200, windowEvents: 1_000 });
    const head = await follow(reader, [2_000n, 3_000n], abort.signal);
    const readsAtHead = reader.storeReads;
    const nearBehind = await follow(reader, [2_500n, 3_000n], abort.signal);
    expect(reader.storeReads).toBe(readsAtHead); // all from the window
    const farBehind = await follow(reader, [0n, 3_000n], abort.signal);
    expect(head).toEqual(positions(2_001, 3_000));
    expect(nearBehind).toEqual(positions(2_501, 3_000));
    expect(farBehind).toEqual(positions(1, 3_000));
  });

  it('reads the next batch of a backlog while its follower handles the current one, and nothing ahead at the head', async () => {
    const store = new InMemoryEventStore();
    await appendMany(store, 250);
    const reader = new SharedLogReader(store, { batchSize: 100, pollMs: 30 });
    const first = await reader.next(0n, abort.signal);
    expect(first).toHaveLength(100);
    // The follower has not asked again, yet the batch after its own is already being read.
    expect(reader.storeReads).toBe(2);
    const second = await reader.next(100n, abort.signal);
    expect(second.map((event) => event.position)).toEqual(positions(101, 200));
    expect(reader.storeReads).toBe(3);
    const third = await reader.next(200n, abort.signal);
    expect(third.map((event) => event.position)).toEqual(positions(201, 250));
    // 50 of 100: the head is reached, so nothing is read ahead.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reader.storeReads).toBe(3);
  });

  it('shows a follower the batch it will most likely get next, the very events, without a read of its own', async () => {
    const store = new InMemoryEventStore();
    await appendMany(store, 250);
    const reader = new SharedLogReader(store, { batchSize: 100, pollMs: 30 });
    await reader.next(0n, abort.signal);

    const ahead = await reader.ahead(100n);
    const next = await reader.next(100n, abort.signal);

    expect(ahead.map((event) => event.position)).toEqual(positions(101, 200));
    next.forEach((event, index) => expect(event).toBe(ahead[index]));
    // 201–250 are read ahead by the second next; peeking never reads more.
    await reader.ahead(200n);
    expect(reader.storeReads).toBe(3);
  });

  it('shows nothing ahead at the head, and reads nothing for it', async () => {
    const store = new InMemoryEventStore();
    await appendMany(store, 50);
    const reader = new SharedLogReader(store, { batchSize: 100, pollMs: 30 });
    await reader.next(0n, abort.signal);

    expect(await reader.ahead(50n)).toEqual([]);
    expect(reader.storeReads).toBe(1);
  });

  it('reads a read-ahead that failed again for the follower that asks for it', async () => {
    const store = new InMemoryEventStore();
    await appendMany(store, 150);
    let calls = 0;
    const source = {
      // The second read of the store (the read-ahead) meets a dropped connection.
      readAll: async (options: Parameters<InMemoryEventStore['readAll']>[0]) => {
        calls += 1;
        if (calls === 2) throw new Error('connection reset');
        return store.readAll(options);
      },
      headPosition: () => store.headPosition(),
    };
    const reader = new SharedLogReader(source, { batchSize: 100, pollMs: 30 });
    expect(await reader.next(0n, abort.signal)).toHaveLength(100);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(2);
    const second = await reader.next(100n, abort.signal);
    expect(second.map((event) => event.position)).toEqual(positions(101, 150));
    expect(calls).toBe(3);
  });

  it('wakes an idle follower on a commit, long before its fallback poll', async () => {
    const store = new InMemoryEventStore();
    const reader = new SharedLogReader(store, { pollMs: 60_000 });
    const waiting = reader.next(0n, abort.signal);
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.append('case-1', [anEvent()], 'no_stream');
    const batch = await waiting;
    expect(batch).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('given a read at the head found nothing and no commit came since, when more followers ask there, then they wait for the commit without reading', async () => {
    const store = new InMemoryEventStore();
    const reader = new SharedLogReader(store, { pollMs: 60_000 });
    const first = reader.next(0n, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reader.storeReads).toBe(1);
    const others = [reader.next(0n, abort.signal), reader.next(0n, abort.signal), reader.next(0n, abort.signal)];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reader.storeReads).toBe(1);

    await store.append('case-1', [anEvent()], 'no_stream');
    const batches = await Promise.all([first, ...others]);

    for (const batch of batches) expect(batch.map((event) => event.position)).toEqual([1n]);
    expect(reader.storeReads).toBe(2); // one empty look, one read of the commit, for four followers
  });

  it('given followers got a batch short of full at the head and no commit came since, when they ask after it, then they wait without reading', async () => {
    const store = new InMemoryEventStore();
    await store.append('case-1', [anEvent(), anEvent()], 'no_stream');
    const reader = new SharedLogReader(store, { pollMs: 60_000 });
    const batches = await Promise.all([reader.next(0n, abort.signal), reader.next(0n, abort.signal)]);
    for (const batch of batches) expect(batch.map((event) => event.position)).toEqual([1n, 2n]);
    expect(reader.storeReads).toBe(1);

    const next = [reader.next(2n, abort.signal), reader.next(2n, abort.signal)];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reader.storeReads).toBe(1); // nothing was committed after the read: no empty look

    await store.append('case-1', [anEvent()], 2);
    for (const batch of await Promise.all(next)) expect(batch.map((event) => event.position)).toEqual([3n]);
    expect(reader.storeReads).toBe(2);
  });

  it('given a commit whose signal never came, then the fallback poll still finds it', async () => {
    const store = new InMemoryEventStore();
    // A commit signal that stays silent, as a lost LISTEN session is until it reconnects.
    const silent = { seen: 0, notify: () => undefined, wait: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
    const reader = new SharedLogReader({ readAll: (options) => store.readAll(options), headPosition: () => store.headPosition(), commits: silent }, { pollMs: 50 });
    expect(await reader.next(0n, abort.signal)).toEqual([]);

    await store.append('case-1', [anEvent()], 'no_stream');

    expect((await reader.next(0n, abort.signal)).map((event) => event.position)).toEqual([1n]);
  });

  it('answers nothing after one wait when the log stays quiet, so the follower can do its idle chores', async () => {
    const reader = new SharedLogReader(new InMemoryEventStore(), { pollMs: 30 });
    await expect(reader.next(0n, abort.signal)).resolves.toEqual([]);
  });

  it('stops waiting when its follower stops', async () => {
    const reader = new SharedLogReader(new InMemoryEventStore(), { pollMs: 60_000 });
    const stopping = new AbortController();
    const waiting = reader.next(0n, stopping.signal);
    stopping.abort();
    await expect(waiting).rejects.toThrow();
  });
});
