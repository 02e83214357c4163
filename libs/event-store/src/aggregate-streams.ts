import { createHash, randomUUID } from 'node:crypto';
import { fold, type Decider, type DomainEvent } from '@collab/domain-kernel';
import {
  WrongExpectedVersion,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type JsonObject,
  type NewEvent,
} from './event-store.port';

export interface HandleOptions<Event extends DomainEvent, State = unknown> {
  readonly metadata: EventMetadata;
  /** An event attributed otherwise than the command (a system's observation decided along with it). */
  readonly metadataFor?: (event: Event) => EventMetadata;
  /**
   * Deterministic ids make a retried command (e.g. a redelivered message) an idempotent append.
   * `version` is the stream's version the decision was made on.
   */
  readonly eventIdFor?: (event: Event, index: number, version: number) => string;
  /** Re-read and re-decide this many times when another writer got in between. */
  readonly retriesOnConflict?: number;
  /** The stream as the caller has just loaded it: the first decision is made on it (no second read); a conflict reads afresh. */
  readonly loaded?: { readonly state: State; readonly version: number };
}

export interface Handled<Event, State> {
  /** What was decided; empty when the command changed nothing (then nothing was appended). */
  readonly events: readonly Event[];
  /** The state the decision was made on. */
  readonly state: State;
  /** The stream's version after the command. */
  readonly version: number;
  readonly result?: AppendResult;
}

/**
 * The one command-handling loop (STYLE.md §3): read the stream, fold it, decide, append with the
 * expected version, and retry on a concurrency conflict where the caller allows it.
 */
export class AggregateStreams<Command, Event extends DomainEvent, State, Context> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State, Context>,
  ) {}

  async load(streamId: string): Promise<{ state: State; version: number }> {
    const recorded = await this.store.readStream(streamId);
    const events = recorded.map((event) => ({ type: event.type, data: event.data }) as Event);
    return { state: fold(this.decider, events), version: recorded.length };
  }

  async handle(streamId: string, command: Command, context: Context, options: HandleOptions<Event, State>): Promise<Handled<Event, State>> {
    for (let attempt = 0; ; attempt += 1) {
      const { state, version } = attempt === 0 && options.loaded ? options.loaded : await this.load(streamId);
      const events = this.decider.decide(command, state, context);
      if (events.length === 0) return { events, state, version };
      try {
        const newEvents = events.map((event, index) => toNewEvent(event, index, version, options));
        const result = await this.store.append(streamId, newEvents, version || 'no_stream');
        return { events, state, version: result.nextExpectedVersion, result };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion) || attempt >= (options.retriesOnConflict ?? 0)) throw error;
      }
    }
  }
}

const toNewEvent = <Event extends DomainEvent>(
  event: Event,
  index: number,
  version: number,
  options: HandleOptions<Event>,
): NewEvent => ({
  id: options.eventIdFor?.(event, index, version) ?? randomUUID(),
  type: event.type,
  // Domain event data are plain JSON objects by construction; interfaces just lack an index signature.
  data: event.data as JsonObject,
  metadata: options.metadataFor?.(event) ?? options.metadata,
});

/**
 * A name-based (version 5) UUID: the same source event and purpose always give the same id, so
 * a process manager that handles a redelivered message appends nothing new.
 */
export const deterministicEventId = (sourceEventId: string, purpose: string): string => {
  const hash = createHash('sha1').update(`${sourceEventId}/${purpose}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
