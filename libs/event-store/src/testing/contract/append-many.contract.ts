import { EventIdConflict, WrongExpectedVersion, type AppendResult, type EventStore, type StreamAppend } from '../../event-store.port';
import type { ContractContext } from '../event-store.contract';
import { aStreamId, anEvent, events, idsOf } from '../fixtures';

const settle = (attempts: Promise<AppendResult[]>[]) => Promise.allSettled(attempts);

const rejection = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the append to be refused');
};

const newStreams = (count: number, size = 2): StreamAppend[] =>
  Array.from({ length: count }, () => ({ streamId: aStreamId(), events: events(size), expected: 'no_stream' as const }));

export const appendManyContract = ({ subject, capabilities }: ContractContext): void => {
  const store = () => subject().store;
  const lengths = async (appends: readonly StreamAppend[]) =>
    Promise.all(appends.map(async ({ streamId }) => (await store().readStream(streamId)).length));

  describe('appending to several streams at once', () => {
    it(`says whether it is atomic (${String(capabilities.atomicMultiStream)})`, () => {
      expect(store().atomicMultiStream).toBe(capabilities.atomicMultiStream);
    });

    it('given three new streams, when appended together, then each holds its events, a result comes per stream and positions follow the order given', async () => {
      const head = await store().headPosition();
      const appends = newStreams(3);
      const results = await store().appendMany(appends);
      expect(results.map((result) => result.nextExpectedVersion)).toEqual([2, 2, 2]);
      for (const { streamId, events: written } of appends)
        expect(idsOf(await store().readStream(streamId))).toEqual(idsOf(written));
      const log = await store().readAll({ after: head, maxCount: 100 });
      expect(idsOf(log)).toEqual(idsOf(appends.flatMap((append) => append.events)));
      expect(results.map((result) => result.lastPosition)).toEqual([log[1]?.position, log[3]?.position, log[5]?.position]);
    });

    it('given streams at known versions, when appending to them and a new one with exact expectations, then all move on', async () => {
      const [existing] = newStreams(1, 1);
      await store().append(existing!.streamId, existing!.events, 'no_stream');
      const results = await store().appendMany([
        { streamId: existing!.streamId, events: events(2), expected: 1 },
        { streamId: aStreamId(), events: events(1), expected: 'any' },
      ]);
      expect(results.map((result) => result.nextExpectedVersion)).toEqual([3, 1]);
    });

    it('given a multi-stream append, when it is repeated exactly, then the original results come back and nothing is stored twice', async () => {
      const appends = newStreams(3);
      const first = await store().appendMany(appends);
      expect(await store().appendMany(appends)).toEqual(first);
      expect(await lengths(appends)).toEqual([2, 2, 2]);
    });

    it('given one stream twice, then it is refused before anything is written', async () => {
      const [append] = newStreams(1);
      await expect(store().appendMany([append!, { ...append!, events: events(1) }])).rejects.toThrow(TypeError);
      expect(await store().readStream(append!.streamId)).toEqual([]);
    });

    if (capabilities.atomicMultiStream) atomicityContract(store, lengths);
  });

  describe('reading several streams at once', () => {
    it('given two streams and a missing one, when read together, then each comes whole and in order, the missing one empty', async () => {
      const appends = newStreams(2, 3);
      await store().appendMany(appends);
      const missing = aStreamId();
      const read = await store().readStreams([appends[0]!.streamId, missing, appends[1]!.streamId]);
      expect(idsOf(read.get(appends[0]!.streamId) ?? [])).toEqual(idsOf(appends[0]!.events));
      expect(read.get(appends[1]!.streamId)?.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
      expect(read.get(missing)).toEqual([]);
    });
  });
};

const atomicityContract = (
  store: () => EventStore,
  lengths: (appends: readonly StreamAppend[]) => Promise<number[]>,
): void => {
  it('given one stream at another version, when appended with others, then WrongExpectedVersion names it and none is written', async () => {
    const appends = newStreams(3);
    await store().append(appends[1]!.streamId, events(1), 'no_stream');
    const head = await store().headPosition();
    const error = await rejection(store().appendMany(appends));
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ streamId: appends[1]!.streamId, actual: 1 });
    expect(await lengths(appends)).toEqual([0, 1, 0]);
    expect(await store().headPosition()).toBe(head);
  });

  it('given an event id stored with other data, when it comes in one stream of several, then EventIdConflict and none is written', async () => {
    const taken = anEvent('CaseOpened', { subject: 'original' });
    await store().append(aStreamId(), [taken], 'no_stream');
    const appends = [...newStreams(2), { streamId: aStreamId(), events: [{ ...taken, data: { subject: 'changed' } }], expected: 'any' as const }];
    expect(await rejection(store().appendMany(appends))).toBeInstanceOf(EventIdConflict);
    expect(await lengths(appends)).toEqual([0, 0, 0]);
  });

  it('given an append without events among others, then it only checks its stream: a wrong version writes nothing, the right one lets the others through', async () => {
    const [checked] = newStreams(1, 2);
    await store().append(checked!.streamId, checked!.events, 'no_stream');
    const others = newStreams(2);
    const wrong = await rejection(store().appendMany([...others, { streamId: checked!.streamId, events: [], expected: 1 }]));
    expect(wrong).toMatchObject({ streamId: checked!.streamId });
    expect(await lengths(others)).toEqual([0, 0]);
    const results = await store().appendMany([...others, { streamId: checked!.streamId, events: [], expected: 2 }]);
    const [, last] = await store().readStream(checked!.streamId);
    expect(results[2]).toEqual({ nextExpectedVersion: 2, lastPosition: last?.position });
    expect(await lengths(others)).toEqual([2, 2]);
  });

  it('given ten groups contending for one stream while single appends go elsewhere, then one group wins whole, the others write nothing, every single append lands', async () => {
    const contested = aStreamId();
    await store().append(contested, events(1), 'no_stream');
    const groups = Array.from({ length: 10 }, () => [...newStreams(2), { streamId: contested, events: events(1), expected: 1 }]);
    const singles = newStreams(10, 1);
    const [groupOutcomes, singleOutcomes] = await Promise.all([
      settle(groups.map((group) => store().appendMany(group))),
      Promise.allSettled(singles.map(({ streamId, events: written }) => store().append(streamId, written, 'no_stream'))),
    ]);
    const winners = groupOutcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [index] : []));
    expect(winners).toHaveLength(1);
    for (const [index, group] of groups.entries())
      expect((await lengths(group)).slice(0, 2)).toEqual(index === winners[0] ? [2, 2] : [0, 0]);
    for (const outcome of groupOutcomes)
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ name: 'WrongExpectedVersion', streamId: contested });
    expect(singleOutcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    expect(await store().readStream(contested)).toHaveLength(2);
  });

  it('given several groups sent at once, one of them stale, then only the stale group fails and the others are written whole', async () => {
    const stale = aStreamId();
    await store().append(stale, events(1), 'no_stream');
    const groups = Array.from({ length: 6 }, () => newStreams(2));
    const staleGroup = [...newStreams(1), { streamId: stale, events: events(1), expected: 'no_stream' as const }];
    // The first goes out alone; the others share the next group commit.
    const outcomes = await settle([...groups.map((group) => store().appendMany(group)), store().appendMany(staleGroup)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([...groups.map(() => 'fulfilled'), 'rejected']);
    for (const group of groups) expect(await lengths(group)).toEqual([2, 2]);
    expect(await lengths(staleGroup)).toEqual([0, 1]);
  });
};
