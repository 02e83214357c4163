import { AggregateStreams, type Actor, type EventMetadata, type EventStore, type Handled, type RecordedEvent } from '@collab/event-store';
import type { Decider, DomainEvent } from '@collab/domain-kernel';
import { metadataOfOrigin, type CommandOrigin } from '../auth/command-origin';

/**
 * Who a command's events are attributed to: a person's request (its origin), or a process that
 * says so itself (a process manager's causation, a seed), with deterministic event ids where a
 * retried or redelivered command must append nothing new.
 */
export type CommandSource<Event> = (
  | { readonly origin: CommandOrigin }
  | { readonly metadata: EventMetadata }
) & {
  /** `version`: the stream's version the decision was made on. */
  readonly eventIdFor?: (event: Event, index: number, version: number) => string;
};

export interface CommandHandlerOptions<Command> {
  /** The stream of the aggregate the command is about. */
  readonly streamOf: (command: Command) => string;
  /**
   * Decide again on the fresh state this many times when another writer got in between. Zero
   * where the caller named the version it decided on (an administrator's expectedVersion): the
   * conflict is then theirs to see.
   */
  readonly retriesOnConflict: number;
  /**
   * Event types that are the system's own observation, decided along with a command (a ping-pong
   * noticed in a hand-off): appended by this actor whoever sent the command, so every one of them is
   * attributed alike. Correlation and causation stay the command's.
   */
  readonly observedBy?: Readonly<Record<string, Actor>>;
}

const metadataOf = <Event>(source: CommandSource<Event>): EventMetadata =>
  'origin' in source ? metadataOfOrigin(source.origin) : source.metadata;

const observation = (metadata: EventMetadata, observer: Actor): EventMetadata => {
  const { onBehalfOf: _commandsParty, ...command } = metadata;
  return { ...command, actor: observer };
};

/**
 * The one way a command runs (STYLE.md §3): load the aggregate's stream, fold it, decide, append
 * with the expected version, retry on a concurrency conflict as the aggregate allows; the caller
 * answers from what was handled (the events, the state decided on, the new version). REST
 * controllers, gRPC methods, process managers and seeds all run their commands through one of
 * these, one per aggregate type.
 */
export class CommandHandler<Command, Event extends DomainEvent, State, Context> {
  private readonly streams: AggregateStreams<Command, Event, State, Context>;

  constructor(
    private readonly store: EventStore,
    readonly decider: Decider<Command, Event, State, Context>,
    private readonly options: CommandHandlerOptions<Command>,
  ) {
    this.streams = new AggregateStreams(store, decider);
  }

  /** The stream's events as recorded, with their positions and metadata (a fold as of an earlier version, an audit). */
  recorded(streamId: string): Promise<readonly RecordedEvent[]> {
    return this.store.readStream(streamId);
  }

  streamOf(command: Command): string {
    return this.options.streamOf(command);
  }

  /** The aggregate as it is now: the fold of its stream, and the stream's version. */
  load(streamId: string): Promise<{ state: State; version: number }> {
    return this.streams.load(streamId);
  }

  /** `loaded`: the stream as the caller has just loaded it (`load`), decided on without reading it again; a conflict reads afresh. */
  handle(command: Command, context: Context, source: CommandSource<Event>, loaded?: { state: State; version: number }): Promise<Handled<Event, State>> {
    const metadata = metadataOf(source);
    const observers = this.options.observedBy;
    return this.streams.handle(this.options.streamOf(command), command, context, {
      metadata,
      ...(observers
        ? { metadataFor: (event: Event) => (Object.hasOwn(observers, event.type) ? observation(metadata, observers[event.type]!) : metadata) }
        : {}),
      ...(source.eventIdFor ? { eventIdFor: source.eventIdFor } : {}),
      retriesOnConflict: this.options.retriesOnConflict,
      ...(loaded ? { loaded } : {}),
    });
  }
}
