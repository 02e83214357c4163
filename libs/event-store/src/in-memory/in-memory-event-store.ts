import {
  EventIdConflict,
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type GlobalLogHandler,
  type JsonObject,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { satisfies, validateAppendMany } from '../core/append-validation';
import { classifyPriorAppend } from '../core/idempotency';
import { LogFollower } from '../core/log-follower';
import { WakeSignal } from '../core/wake-signal';

export interface InMemoryEventStoreOptions {
  /** How long an idle subscriber sleeps between checks; appends wake it at once anyway. */
  readonly pollIntervalMs?: number;
  readonly now?: () => Date;
}

type Plan =
  | { readonly kind: 'done'; readonly result: AppendResult }
  | { readonly kind: 'write'; readonly streamId: string; readonly events: readonly NewEvent[] };

/** Copies through JSON like the SQL adapter's jsonb column, so callers cannot mutate stored facts. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The event store port in memory, with the PostgreSQL adapter's semantics (expected versions,
 * idempotent retries, id conflicts, catch-up + live subscriptions). For unit tests and demos:
 * nothing survives the process.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  /** Notified on every commit of this process (and, distributed, by the commit listener for other processes'). */
  readonly commits = new WakeSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number;
  private readonly now: () => Date;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    this.now = options.now ?? (() => new Date());
  }

  /** Appends run synchronously, one at a time, so a multi-stream append is all or nothing. */
  readonly atomicMultiStream: boolean = true;

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    // A throw inside the executor becomes a rejection, as with the asynchronous adapters.
    return new Promise((resolve) => resolve(this.appendManyNow([{ streamId, events, expected }])[0]!));
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return new Promise((resolve) => resolve(this.appendManyNow(appends)));
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromVersion ?? 1;
    return Promise.resolve((this.streams.get(streamId) ?? []).filter((event) => event.streamVersion >= from));
  }

  readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, RecordedEvent[]>> {
    return Promise.resolve(new Map(streamIds.map((streamId) => [streamId, [...(this.streams.get(streamId) ?? [])]])));
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    // Positions are 1..n without gaps here, so position p sits at index p - 1.
    const start = Number(options.after < 0n ? 0n : options.after);
    return Promise.resolve(this.log.slice(start, start + options.maxCount));
  }

  subscribeToAll(handler: GlobalLogHandler, options: SubscribeOptions): Subscription {
    const follower = new LogFollower(this, handler, {
      ...options,
      wake: this.commits,
      pollIntervalMs: options.pollIntervalMs ?? this.pollIntervalMs,
    });
    this.subscriptions.add(follower);
    return {
      get position() {
        return follower.position;
      },
      stop: async () => {
        this.subscriptions.delete(follower);
        await follower.stop();
      },
    };
  }

  headPosition(): Promise<bigint> {
    return Promise.resolve(BigInt(this.log.length));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  /** Decides every append against the store as it is, then writes them all: nothing is written unless all pass. */
  private appendManyNow(appends: readonly StreamAppend[]): AppendResult[] {
    validateAppendMany(appends);
    const plans = appends.map((append) => this.plan(append));
    const results = plans.map((plan) => (plan.kind === 'done' ? plan.result : this.write(plan.streamId, plan.events)));
    if (plans.some((plan) => plan.kind === 'write')) this.commits.notify();
    return results;
  }

  private plan({ streamId, events, expected }: StreamAppend): Plan {
    const normalized = events.map((event) => ({ ...event, id: event.id.toLowerCase(), data: viaJson(event.data) }));
    const prior = classifyPriorAppend(streamId, normalized, normalized.map((event) => this.byId.get(event.id)));
    if (prior.kind === 'retry') return { kind: 'done', result: prior.result };
    if (prior.kind === 'conflict') throw new EventIdConflict(prior.eventId, streamId);
    const stream = this.streams.get(streamId) ?? [];
    if (!satisfies(expected, stream.length)) throw new WrongExpectedVersion(streamId, expected, stream.length);
    if (normalized.length > 0) return { kind: 'write', streamId, events: normalized };
    return { kind: 'done', result: { nextExpectedVersion: stream.length, lastPosition: stream[stream.length - 1]?.position ?? 0n } };
  }

  private write(streamId: string, events: readonly NewEvent[]): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    const recordedAt = this.now();
    for (const event of events) this.record(stream, streamId, event, recordedAt);
    this.streams.set(streamId, stream);
    return { nextExpectedVersion: stream.length, lastPosition: BigInt(this.log.length) };
  }

  private record(stream: RecordedEvent[], streamId: string, event: NewEvent, recordedAt: Date): void {
    const recorded: RecordedEvent = {
      id: event.id,
      type: event.type,
      data: viaJson<JsonObject>(event.data),
      metadata: viaJson(event.metadata),
      streamId,
      streamVersion: stream.length + 1,
      position: BigInt(this.log.length + 1),
      recordedAt,
    };
    stream.push(recorded);
    this.log.push(recorded);
    this.byId.set(recorded.id, recorded);
  }
}
