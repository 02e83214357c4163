import { takeBatch, type BatchCandidate } from './batch-selection';

const append = (streamId: string, ...eventIds: string[]): BatchCandidate => ({ streamIds: [streamId], eventIds });
const group = (streamIds: string[], ...eventIds: string[]): BatchCandidate => ({ streamIds, eventIds });
const streamsOf = (candidates: BatchCandidate[]) => candidates.map((x) => x.streamIds.join('+'));

describe('choosing the next group commit', () => {
  it('takes appends oldest first up to the append limit and leaves the rest queued', () => {
    const queue = [append('a', '1'), append('b', '2'), append('c', '3')];
    expect(streamsOf(takeBatch(queue, { maxAppends: 2, maxEvents: 100 }))).toEqual(['a', 'b']);
    expect(streamsOf(queue)).toEqual(['c']);
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
    expect(streamsOf(takeBatch(queue, { maxAppends: 10, maxEvents: 100 }))).toEqual(['a', 'c']);
    expect(streamsOf(queue)).toEqual(['b']);
  });

  it('stops at the event limit but always takes at least one append, however large', () => {
    const big = append('a', '1', '2', '3');
    const queue = [big, append('b', '4')];
    expect(takeBatch(queue, { maxAppends: 10, maxEvents: 2 })).toEqual([big]);
    expect(streamsOf(takeBatch(queue, { maxAppends: 10, maxEvents: 2 }))).toEqual(['b']);
    expect(queue).toEqual([]);
  });

  it('takes an all-or-nothing group whole, counting each of its streams against the append limit', () => {
    const queue = [append('a', '1'), group(['b', 'c'], '2', '3'), append('d', '4')];
    expect(streamsOf(takeBatch(queue, { maxAppends: 3, maxEvents: 100 }))).toEqual(['a', 'b+c']);
    expect(streamsOf(queue)).toEqual(['d']);
  });

  it('keeps a group touching a stream already in the batch, and later appends to any of its streams, for the next batch', () => {
    const queue = [append('a', '1'), group(['b', 'a'], '2', '3'), append('b', '4'), append('c', '5')];
    expect(streamsOf(takeBatch(queue, { maxAppends: 10, maxEvents: 100 }))).toEqual(['a', 'c']);
    expect(streamsOf(queue)).toEqual(['b+a', 'b']);
  });
});
