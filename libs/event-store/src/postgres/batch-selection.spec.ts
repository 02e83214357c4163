import { takeBatch, type BatchCandidate } from './batch-selection';

const append = (streamId: string, ...eventIds: string[]): BatchCandidate => ({ streamId, eventIds });

describe('choosing the next group commit', () => {
  it('takes appends oldest first up to the append limit and leaves the rest queued', () => {
    const queue = [append('a', '1'), append('b', '2'), append('c', '3')];
    expect(takeBatch(queue, { maxAppends: 2, maxEvents: 100 }).map((x) => x.streamId)).toEqual(['a', 'b']);
    expect(queue.map((x) => x.streamId)).toEqual(['c']);
  });

  it('keeps a second append to the same stream, and everything behind it for that stream, for the next batch', () => {
    const queue = [append('a', '1'), append('a', '2'), append('b', '3'), append('a', '4')];
    expect(takeBatch(queue, { maxAppends: 10, maxEvents: 100 }).map((x) => x.eventIds[0])).toEqual([
      '1',
      '3',
    ]);
    expect(queue.map((x) => x.eventIds[0])).toEqual(['2', '4']);
  });

  it('keeps an append that reuses an event id already in the batch for the next batch', () => {
    const queue = [append('a', '1'), append('b', '1'), append('c', '2')];
    expect(takeBatch(queue, { maxAppends: 10, maxEvents: 100 }).map((x) => x.streamId)).toEqual(['a', 'c']);
    expect(queue.map((x) => x.streamId)).toEqual(['b']);
  });

  it('stops at the event limit but always takes at least one append, however large', () => {
    const big = append('a', '1', '2', '3');
    const queue = [big, append('b', '4')];
    expect(takeBatch(queue, { maxAppends: 10, maxEvents: 2 })).toEqual([big]);
    expect(takeBatch(queue, { maxAppends: 10, maxEvents: 2 }).map((x) => x.streamId)).toEqual(['b']);
    expect(queue).toEqual([]);
  });
});
