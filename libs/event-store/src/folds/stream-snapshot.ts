import { fold, type Decider, type DomainEvent } from '@collab/domain-kernel';
import type { EventStore, RecordedEvent } from '../event-store.port';

/** A stream as a decision saw it: its fold and the version to expect when appending. */
export interface Folded<State> {
  readonly state: State;
  readonly version: number;
}

type Fold<Event extends DomainEvent, State> = Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>;

export const foldRecorded = <Event extends DomainEvent, State>(decider: Fold<Event, State>, recorded: readonly RecordedEvent[]): Folded<State> => ({
  state: fold(decider, recorded.map((event) => ({ type: event.type, data: event.data }) as Event)),
  version: recorded.length,
});

/**
 * The streams one command reads, each read once: `ensure` reads whatever is still missing in one
 * `readStreams` round trip, so a command that learns in steps which streams it needs (which
 * customer, then that customer's case) pays one round trip per step, not one per stream.
 */
export class StreamSnapshot {
  private readonly streams = new Map<string, RecordedEvent[]>();

  constructor(private readonly store: EventStore) {}

  /** Reads the streams not read yet (undefined entries are skipped); nothing when all are known. */
  async ensure(streamIds: readonly (string | undefined)[]): Promise<void> {
    const missing = [...new Set(streamIds)].filter((id): id is string => id !== undefined && !this.streams.has(id));
    if (missing.length === 0) return;
    for (const [streamId, events] of await this.store.readStreams(missing)) this.streams.set(streamId, events);
  }

  has(streamId: string): boolean {
    return this.streams.has(streamId);
  }

  /** The stream's events; a stream never read counts as empty. */
  events(streamId: string): readonly RecordedEvent[] {
    return this.streams.get(streamId) ?? [];
  }

  fold<Event extends DomainEvent, State>(streamId: string, decider: Fold<Event, State>): Folded<State> {
    return foldRecorded(decider, this.events(streamId));
  }
}
