import type { Decider } from '@collab/domain-kernel';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { metadata } from '../testing/fixtures';
import { FoldFeed, pollingTail } from './fold-feed';
import { StreamFoldCache } from './stream-fold-cache';
import { StreamSnapshot } from './stream-snapshot';

type Renamed = { readonly type: 'Renamed'; readonly data: { readonly name: string } };
const names: Pick<Decider<unknown, Renamed, string[], unknown>, 'initialState' | 'evolve'> = {
  initialState: () => [],
  evolve: (state, event) => [...state, event.data.name],
};
const renamed = (name: string) => ({ id: crypto.randomUUID(), type: 'Renamed', data: { name }, metadata: metadata() });

describe('a fold cache', () => {
  let store: InMemoryEventStore;
  let cache: StreamFoldCache<Renamed, string[]>;
  beforeEach(() => {
    store = new InMemoryEventStore({ pollIntervalMs: 5 });
    cache = new StreamFoldCache(store, names, (streamId) => streamId.startsWith('channel-'));
  });
  afterEach(() => store.close());

  it('reads a stream it does not hold, keeps it, and answers from memory afterwards', async () => {
    await store.append('channel-app', [renamed('App')], 'no_stream');
    const read = jest.spyOn(store, 'readStreams');
    expect(await cache.get('channel-app')).toEqual({ state: ['App'], version: 1 });
    expect(await cache.get('channel-app')).toEqual({ state: ['App'], version: 1 });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('does not keep a stream that is empty: defined a moment later elsewhere, it is found', async () => {
    expect(await cache.get('channel-fax')).toEqual({ state: [], version: 0 });
    await store.append('channel-fax', [renamed('Fax')], 'no_stream');
    expect((await cache.get('channel-fax')).state).toEqual(['Fax']);
  });

  it('applies only the next event of a stream, ignores what it has, and forgets a stream with a gap', async () => {
    await store.append('channel-app', [renamed('App')], 'no_stream');
    await cache.get('channel-app');
    cache.apply({ streamId: 'channel-app', streamVersion: 1, type: 'Renamed', data: { name: 'App' } });
    cache.apply({ streamId: 'channel-app', streamVersion: 2, type: 'Renamed', data: { name: 'Mobile app' } });
    expect(await cache.get('channel-app')).toEqual({ state: ['App', 'Mobile app'], version: 2 });
    cache.apply({ streamId: 'channel-app', streamVersion: 4, type: 'Renamed', data: { name: 'lost' } });
    expect(await cache.get('channel-app')).toEqual({ state: ['App'], version: 1 });
  });

  it('remembers what this process appended, and ignores streams of other families', async () => {
    cache.remember('channel-web', [{ type: 'Renamed', data: { name: 'Web' } }], 1);
    cache.apply({ streamId: 'category-web', streamVersion: 1, type: 'Renamed', data: { name: 'no' } });
    const read = jest.spyOn(store, 'readStreams');
    expect(await cache.get('channel-web')).toEqual({ state: ['Web'], version: 1 });
    expect(read).not.toHaveBeenCalled();
  });

  it('is kept current by a feed that follows the log from its head', async () => {
    await store.append('channel-app', [renamed('App')], 'no_stream');
    await cache.get('channel-app');
    const feed = new FoldFeed(store, pollingTail(store, 5), [cache]);
    await feed.start();
    try {
      await store.append('channel-app', [renamed('Mobile app')], 1);
      await store.append('channel-new', [renamed('New')], 'no_stream');
      const read = jest.spyOn(store, 'readStreams');
      await new Promise((resolve) => setTimeout(resolve, 50)); // the feed polls every 5 ms here
      expect(await cache.getMany(['channel-app', 'channel-new'])).toEqual(
        new Map([['channel-app', { state: ['App', 'Mobile app'], version: 2 }], ['channel-new', { state: ['New'], version: 1 }]]),
      );
      expect(read).not.toHaveBeenCalled();
    } finally {
      await feed.stop();
    }
  });
});

describe('a stream snapshot', () => {
  it('reads what is missing in one round trip and folds each stream', async () => {
    const store = new InMemoryEventStore();
    await store.append('channel-app', [renamed('App'), renamed('Mobile app')], 'no_stream');
    const read = jest.spyOn(store, 'readStreams');
    const snapshot = new StreamSnapshot(store);
    await snapshot.ensure(['channel-app', undefined, 'channel-web']);
    await snapshot.ensure(['channel-app']);
    expect(read).toHaveBeenCalledTimes(1);
    expect(snapshot.fold('channel-app', names)).toEqual({ state: ['App', 'Mobile app'], version: 2 });
    expect(snapshot.fold('channel-web', names)).toEqual({ state: [], version: 0 });
  });
});
