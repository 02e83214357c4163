import type {
  AppendResult,
  CommitSignal,
  EventStore,
  ExpectedVersion,
  GlobalLogHandler,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { upcastingChain, type StoredEventVersions } from './stored-event-versions';

/**
 * The one place stored events get their schema version and are lifted to it: every append stamps
 * `schemaVersion` (the type's current version) in the metadata of events that carry none, and every
 * read (streams for folds, the global log for projections, the relay and rebuilds) answers events
 * at their current version, upcast step by step from what was stored. The stored rows never change.
 */
export class UpcastingEventStore implements EventStore {
  readonly commits?: CommitSignal;
  readonly atomicMultiStream: boolean;
  private readonly chain: ReturnType<typeof upcastingChain>;

  constructor(
    private readonly inner: EventStore,
    versions: StoredEventVersions,
  ) {
    this.chain = upcastingChain(versions);
    if (inner.commits) this.commits = inner.commits;
    this.atomicMultiStream = inner.atomicMultiStream;
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return this.inner.append(streamId, events.map(this.stamp), expected);
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.inner.appendMany(appends.map((append) => ({ ...append, events: append.events.map(this.stamp) })));
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(streamId, options)).map(this.lift);
  }

  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, RecordedEvent[]>> {
    const streams = await this.inner.readStreams(streamIds);
    return new Map([...streams].map(([id, events]) => [id, events.map(this.lift)]));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map(this.lift);
  }

  subscribeToAll(handler: GlobalLogHandler, options: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll((batch) => handler(batch.map(this.lift)), options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private readonly stamp = (event: NewEvent): NewEvent =>
    event.metadata['schemaVersion'] === undefined
      ? { ...event, metadata: { ...event.metadata, schemaVersion: this.chain.currentOf(event.type) } }
      : event;

  private readonly lift = (event: RecordedEvent): RecordedEvent => this.chain.lift(event);
}
