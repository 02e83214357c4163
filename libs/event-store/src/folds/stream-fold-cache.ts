import type { Decider, DomainEvent } from '@collab/domain-kernel';
import type { EventStore } from '../event-store.port';
import { foldRecorded, type Folded } from './stream-snapshot';

/** What the cache needs of an event: the log's RecordedEvent, or one this process just appended. */
export interface StreamEvent {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly data: unknown;
}

type Fold<Event extends DomainEvent, State> = Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>;

/**
 * Folds of a family of small, rarely changing streams (channels, categories, calendars) kept in
 * memory and current by following the log (`apply`, from a FoldFeed) and by what this process
 * appends itself (`remember`). It is a per-replica cache, not a single-owner follower: each entry
 * carries its stream version, so an event is applied only as the next one of its stream; a gap
 * forgets the stream, and a stream not in memory (met for the first time, defined a moment ago on
 * another replica, or forgotten) is read from the store. Empty streams are not kept, so something
 * defined elsewhere a moment later is found at once.
 */
export class StreamFoldCache<Event extends DomainEvent, State> {
  private readonly entries = new Map<string, Folded<State>>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Fold<Event, State>,
    /** Which streams this cache folds, e.g. those starting with `channel-`. */
    readonly owns: (streamId: string) => boolean,
  ) {}

  async get(streamId: string): Promise<Folded<State>> {
    return (await this.getMany([streamId])).get(streamId)!;
  }

  /** From memory where known; the rest read in one round trip (and kept). */
  async getMany(streamIds: readonly string[]): Promise<ReadonlyMap<string, Folded<State>>> {
    const missing = [...new Set(streamIds)].filter((streamId) => !this.entries.has(streamId));
    if (missing.length > 0)
      for (const [streamId, events] of await this.store.readStreams(missing)) this.load(streamId, foldRecorded(this.decider, events));
    const empty: Folded<State> = { state: this.decider.initialState(), version: 0 };
    return new Map(streamIds.map((streamId) => [streamId, this.entries.get(streamId) ?? empty]));
  }

  /** One event of the log: applied when it is the next of its stream (or the first of a new one). */
  apply(event: StreamEvent): void {
    if (!this.owns(event.streamId)) return;
    const current = this.entries.get(event.streamId);
    const version = current?.version ?? 0;
    if (event.streamVersion <= version) return;
    if (event.streamVersion !== version + 1) {
      this.entries.delete(event.streamId);
      return;
    }
    const state = this.decider.evolve(current?.state ?? this.decider.initialState(), { type: event.type, data: event.data } as Event);
    this.entries.set(event.streamId, { state, version: event.streamVersion });
  }

  /** What this process just appended, so its own next request sees it without waiting for the log. */
  remember(streamId: string, events: readonly Event[], versionAfter: number): void {
    const first = versionAfter - events.length + 1;
    events.forEach((event, index) => this.apply({ streamId, streamVersion: first + index, type: event.type, data: event.data }));
  }

  /** Forgets everything (the feed lost its place in the log); streams are read again as asked for. */
  clear(): void {
    this.entries.clear();
  }

  private load(streamId: string, folded: Folded<State>): void {
    const current = this.entries.get(streamId);
    if (folded.version === 0 || (current && current.version >= folded.version)) return;
    this.entries.set(streamId, folded);
  }
}
