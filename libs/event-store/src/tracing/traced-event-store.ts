import { SpanKind } from '@opentelemetry/api';
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
import { inSpan, traceFieldsOf, type TraceFields } from './event-trace';

/** An explicit trace context in the metadata (a migration copying old events) is kept. */
const withTrace = (events: readonly NewEvent[], fields: TraceFields): readonly NewEvent[] =>
  fields.traceparent === undefined ? events : events.map((event) => ({ ...event, metadata: { ...fields, ...event.metadata } }));

const uniqueTypes = (events: readonly NewEvent[]): string[] => [...new Set(events.map((event) => event.type))];

/**
 * An event store whose appends are spans (`append <log>`) and whose events remember the trace they
 * were appended in: `traceparent` (and `tracestate`) from the active context go into each event's
 * metadata, so the relay, the consumers and the log's own process managers continue that trace
 * when they handle the event, in this process or another, now or later. Reads pass straight through.
 */
export class TracedEventStore implements EventStore {
  readonly commits?: CommitSignal;
  readonly atomicMultiStream: boolean;

  constructor(
    readonly inner: EventStore,
    private readonly log: string,
  ) {
    if (inner.commits) this.commits = inner.commits;
    this.atomicMultiStream = inner.atomicMultiStream;
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const attributes = () => ({
      'collab.log': this.log,
      'collab.stream.id': streamId,
      'collab.event.types': uniqueTypes(events),
      'collab.event.ids': events.map((event) => event.id),
    });
    return inSpan({ name: `append ${this.log}`, kind: SpanKind.INTERNAL, attributes }, async (span) => {
      const result = await this.inner.append(streamId, withTrace(events, traceFieldsOf()), expected);
      if (span.isRecording()) span.setAttributes({ 'collab.stream.version': result.nextExpectedVersion, 'collab.position': result.lastPosition.toString() });
      return result;
    });
  }

  /** One span for the whole multi-stream append; every event of every stream carries its context. */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const attributes = () => ({
      'collab.log': this.log,
      'collab.stream.ids': appends.map((append) => append.streamId),
      'collab.event.types': uniqueTypes(appends.flatMap((append) => append.events)),
    });
    return inSpan({ name: `append ${this.log}`, kind: SpanKind.INTERNAL, attributes }, () => {
      const fields = traceFieldsOf();
      return this.inner.appendMany(appends.map((append) => ({ ...append, events: withTrace(append.events, fields) })));
    });
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, RecordedEvent[]>> {
    return this.inner.readStreams(streamIds);
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(handler: GlobalLogHandler, options: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(handler, options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
