import { WrongExpectedVersion } from '../event-store.port';
import { anEvent } from '../testing/fixtures';
import { AppendBatcher, type BatchWriter } from './append-batcher';
import type { GroupOutcome, PendingAppend } from './postgres-append';

const pending = (streamId: string): PendingAppend => {
  const event = anEvent();
  return { streamId, events: [event], expected: 'any', eventIds: [event.id] };
};

const ok = (version: number): GroupOutcome => ({
  ok: true,
  results: [{ nextExpectedVersion: version, lastPosition: BigInt(version) }],
});

/** A writer that records each batch and refuses any batch of more than one append. */
const brittleWriter = () => {
  const batches: string[][] = [];
  const writer: BatchWriter = {
    writeBatch: (batch) => {
      batches.push(batch.map((group) => group.appends.map((append) => append.streamId).join('+')));
      if (batch.length > 1)
        return Promise.reject(Object.assign(new Error('duplicate key'), { code: '23505' }));
      if (batch[0]?.appends[0]?.streamId === 'stale') return Promise.reject(new Error('stale write'));
      return Promise.resolve([ok(1)]);
    },
    explainFailure: ({ appends: [append] }) =>
      Promise.resolve({ ok: false, error: new WrongExpectedVersion(append!.streamId, append!.expected, 7) }),
  };
  return { writer, batches };
};

describe('group commit', () => {
  it('given appends arriving while a batch is written, then they go together in the next batch', async () => {
    const batches: number[] = [];
    const writer: BatchWriter = {
      writeBatch: async (batch) => {
        batches.push(batch.length);
        await new Promise((resolve) => setTimeout(resolve, 10));
        return batch.map((_, index) => ok(index + 1));
      },
      explainFailure: () => Promise.reject(new Error('not expected')),
    };
    const committed = jest.fn();
    const batcher = new AppendBatcher(writer, { maxAppends: 100, maxEvents: 1000 }, committed);
    const first = batcher.submit(pending('s0'));
    const rest = Array.from({ length: 5 }, (_, index) => batcher.submit(pending(`s${index + 1}`)));
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([1, 5]);
    expect(committed).toHaveBeenCalledTimes(2);
  });

  it('given a batch that fails as a whole, when retried one by one, then only the faulty append fails', async () => {
    const { writer, batches } = brittleWriter();
    const batcher = new AppendBatcher(writer, { maxAppends: 100, maxEvents: 1000 }, () => undefined);
    await batcher.submit(pending('warm-up'));
    const outcomes = await Promise.allSettled(
      ['a', 'stale', 'b'].map((streamId) => batcher.submit(pending(streamId))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: expect.any(WrongExpectedVersion) });
    expect(batches).toEqual([['warm-up'], ['a', 'stale', 'b'], ['a'], ['stale'], ['b']]);
  });

  it('given queued appends, when waiting for idle, then it resolves after all of them settled', async () => {
    const { writer } = brittleWriter();
    const batcher = new AppendBatcher(writer, { maxAppends: 1, maxEvents: 1000 }, () => undefined);
    const settled: string[] = [];
    for (const streamId of ['x', 'y', 'z'])
      void batcher.submit(pending(streamId)).then(() => settled.push(streamId));
    await batcher.idle();
    await Promise.resolve();
    expect(settled).toEqual(['x', 'y', 'z']);
  });

  it('given a multi-stream append among single ones, then it shares their batch as one group and gets a result per stream', async () => {
    const batches: string[][] = [];
    const writer: BatchWriter = {
      writeBatch: (batch) => {
        batches.push(batch.map((group) => group.appends.map((append) => append.streamId).join('+')));
        return Promise.resolve(batch.map((group) => ({ ok: true as const, results: group.appends.map((_, index) => ({ nextExpectedVersion: index + 1, lastPosition: 1n })) })));
      },
      explainFailure: () => Promise.reject(new Error('not expected')),
    };
    const batcher = new AppendBatcher(writer, { maxAppends: 100, maxEvents: 1000 }, () => undefined);
    const first = batcher.submit(pending('s0'));
    const group = batcher.submitGroup([pending('a'), pending('b')]);
    const single = batcher.submit(pending('c'));
    await Promise.all([first, group, single]);
    expect(await group).toHaveLength(2);
    expect(batches).toEqual([['s0'], ['a+b', 'c']]);
  });
});
