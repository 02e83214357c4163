import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendResult as EsdbAppendResult,
} from '@eventstore/db-client';
import {
  EventIdConflict,
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type GlobalLogHandler,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { satisfies, validateAppend, validateAppendMany } from '../core/append-validation';
import { classifyPriorAppend } from '../core/idempotency';
import { schemaName } from '../postgres/sql-identifier';
import { EsdbSubscription } from './esdb-subscription';
import {
  readPositionAfter,
  StreamNames,
  toEventData,
  toExpectedRevision,
  toRecordedEvent,
  versionOf,
} from './esdb-mapping';

export interface EventStoreDbEventStoreOptions {
  readonly client: EventStoreDBClient;
  /** The service name; this store's streams are `<prefix>-<streamId>` in the shared $all. */
  readonly prefix: string;
  /** Dispose the client on close (true when the store created it). */
  readonly ownsClient?: boolean;
}

/**
 * The event store port on EventStoreDB / KurrentDB (client 6.x). Its limits (commit positions
 * shared by an append's events, client-side filtering in readAll, read-back to detect a changed
 * payload under a known id) are listed in libs/event-store/README.md.
 */
export class EventStoreDbEventStore implements EventStore {
  /** EventStoreDB has no transaction across streams: appendMany appends one stream after another. */
  readonly atomicMultiStream = false;
  private readonly client: EventStoreDBClient;
  private readonly names: StreamNames;
  private readonly subscriptions = new Set<Subscription>();
  /** Per-stream queue: this process's appends to one stream reach the server in call order. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    this.client = options.client;
    this.names = new StreamNames(schemaName(options.prefix));
  }

  static connect(options: { connectionString: string; prefix: string }): Promise<EventStoreDbEventStore> {
    const client = EventStoreDBClient.connectionString(options.connectionString);
    return Promise.resolve(new EventStoreDbEventStore({ client, prefix: options.prefix, ownsClient: true }));
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    const normalized = events.map((event) => ({ ...event, id: event.id.toLowerCase() }));
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(() => this.appendNow(streamId, normalized, expected));
    const tail = result.catch(() => undefined);
    this.tails.set(streamId, tail);
    void tail.then(() => this.tails.get(streamId) === tail && this.tails.delete(streamId));
    return result;
  }

  /**
   * Not atomic: appends stream after stream in the order given and stops at the first refusal,
   * which it throws; the streams before it stay written. Callers order their streams so that a
   * retry of the whole finds and completes what a broken one left (libs/event-store/README.md).
   */
  async appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    validateAppendMany(appends);
    const results: AppendResult[] = [];
    for (const { streamId, events, expected } of appends) results.push(await this.append(streamId, events, expected));
    return results;
  }

  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, RecordedEvent[]>> {
    const streams = await Promise.all(streamIds.map(async (streamId) => [streamId, await this.readStream(streamId)] as const));
    return new Map(streams);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromRevision = BigInt(Math.max((options.fromVersion ?? 1) - 1, 0));
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(this.names.toEsdb(streamId), {
        fromRevision,
        direction: FORWARDS,
      })) {
        const event = toRecordedEvent(this.names, resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }

  /** Keeps the events of one commit together, so `after` (a commit position) never splits an append. */
  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const read = this.client.readAll({ fromPosition: readPositionAfter(options.after), direction: FORWARDS });
    for await (const resolved of read) {
      const event = toRecordedEvent(this.names, resolved);
      if (!event || event.position <= options.after) continue;
      if (events.length >= options.maxCount && events[events.length - 1]?.position !== event.position) break;
      events.push(event);
    }
    return events;
  }

  subscribeToAll(handler: GlobalLogHandler, options: SubscribeOptions): Subscription {
    const subscription = new EsdbSubscription(this.client, this.names, handler, options);
    this.subscriptions.add(subscription);
    return {
      get position() {
        return subscription.position;
      },
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Scans $all backwards to this store's newest event: cheap when the store writes often. */
  async headPosition(): Promise<bigint> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS })) {
      const event = toRecordedEvent(this.names, resolved);
      if (event) return event.position;
    }
    return 0n;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await Promise.all(this.tails.values());
    if (this.options.ownsClient) await this.client.dispose();
  }

  private async appendNow(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    if (events.length === 0) return this.checkOnly(streamId, expected);
    let written: EsdbAppendResult;
    try {
      written = await this.client.appendToStream(this.names.toEsdb(streamId), events.map(toEventData), {
        expectedRevision: toExpectedRevision(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        return this.retryOrRefuse(streamId, events, expected, error);
      throw error;
    }
    const landed = await this.verifyWritten(streamId, events, versionOf(written.nextExpectedRevision));
    return { ...landed, lastPosition: written.position?.commit ?? landed.lastPosition };
  }

  /** A refused version may still be an exact retry of an append that did land. */
  private async retryOrRefuse(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
    error: WrongExpectedVersionError,
  ): Promise<AppendResult> {
    const stored = new Map((await this.readStream(streamId)).map((event) => [event.id, event]));
    const prior = classifyPriorAppend(
      streamId,
      events,
      events.map((event) => stored.get(event.id)),
    );
    if (prior.kind === 'retry') return prior.result;
    if (prior.kind === 'conflict') throw new EventIdConflict(prior.eventId, streamId);
    throw new WrongExpectedVersion(streamId, expected, versionOf(error.actualVersion));
  }

  /** ESDB answers a known id as a retry without comparing content; compare it here. */
  private async verifyWritten(streamId: string, events: NewEvent[], version: number): Promise<AppendResult> {
    const stored = await this.readStream(streamId, { fromVersion: version - events.length + 1 });
    const landed = stored.slice(0, events.length);
    const prior = classifyPriorAppend(
      streamId,
      events,
      events.map((event) => landed.find((x) => x.id === event.id)),
    );
    if (prior.kind === 'conflict') throw new EventIdConflict(prior.eventId, streamId);
    const last = landed[landed.length - 1];
    return { nextExpectedVersion: version, lastPosition: last?.position ?? 0n };
  }

  private async checkOnly(streamId: string, expected: ExpectedVersion): Promise<AppendResult> {
    const stream = await this.readStream(streamId);
    const last = stream[stream.length - 1];
    const version = last?.streamVersion ?? 0;
    if (!satisfies(expected, version)) throw new WrongExpectedVersion(streamId, expected, version);
    return { nextExpectedVersion: version, lastPosition: last?.position ?? 0n };
  }
}
