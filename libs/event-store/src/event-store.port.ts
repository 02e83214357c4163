/**
 * The event store port. Every service's write side appends here and every derived view
 * (read models, Kafka topics, KPI values, the cube) is rebuilt from here.
 *
 * Versions are 1-based counts: a stream holding N events is at version N, and an empty or
 * missing stream is at version 0. Global positions are per store (one store per service
 * schema), strictly increasing in commit order, and may have gaps (rolled-back appends).
 */

/**
 * Who did it: every event names its actor (DESIGN.md §4: each step has actor, time, reason). A
 * person is a `user` (staff) or `partner` (partner staff); a contact comes from a `customer` or a
 * `channel`; `service` is one of our processes, `system` a timer, seed or observation.
 */
export interface Actor {
  readonly id: string;
  readonly kind: 'user' | 'partner' | 'customer' | 'channel' | 'service' | 'system';
  readonly name?: string;
}

/** Kinds that are someone outside our processes: the ones a service acts on behalf of. */
const PARTY_KINDS: ReadonlySet<Actor['kind']> = new Set(['user', 'partner', 'customer', 'channel']);

/** Where a person's request came from (the audit's "from where"): the client's address and its User-Agent. */
export interface RequestOrigin {
  readonly address: string;
  readonly userAgent?: string;
}

export interface EventMetadata {
  readonly correlationId: string;
  /** Where the request that caused it came from; absent for what a service, timer or seed decided alone. */
  readonly from?: RequestOrigin;
  readonly causationId?: string;
  /** Who appended it: the authenticated caller, or the service or system that decided it. */
  readonly actor: Actor;
  /**
   * The person (customer, channel) a service acted for, when `actor` is a service reacting to what
   * they did: the history names them, and the service as the one it went through.
   */
  readonly onBehalfOf?: Actor;
  /** When the business fact happened, ISO 8601; defaults to the append time. */
  readonly occurredAt?: string;
  /**
   * W3C trace context of the append (TracedEventStore fills them from the active span when tracing
   * is on); published as the CloudEvents `traceparent` / `tracestate` extensions, and continued by
   * whoever handles the event.
   */
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly [key: string]: unknown;
}

/** Who is answerable for an event: the party a service acted for, else the actor itself. */
export const responsibleActorOf = (metadata: EventMetadata): Actor => metadata.onBehalfOf ?? metadata.actor;

/**
 * The one way a service's reaction is attributed: it belongs to the request that caused it (same
 * correlation, caused by the event), is appended by the service, and is on behalf of whoever was
 * answerable for the cause — when that is a person, customer or channel rather than another process.
 */
export const reactionMetadata = (
  cause: { readonly id: string; readonly metadata: EventMetadata },
  by: Actor,
): EventMetadata => {
  const answerable = responsibleActorOf(cause.metadata);
  return {
    correlationId: cause.metadata.correlationId,
    causationId: cause.id,
    actor: by,
    ...(PARTY_KINDS.has(answerable.kind) ? { onBehalfOf: answerable } : {}),
  };
};

export type JsonObject = { readonly [key: string]: unknown };

export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  /** A UUID chosen by the writer. Re-appending the same ids is an idempotent no-op. */
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data extends JsonObject = JsonObject>
  extends NewEvent<Type, Data> {
  readonly streamId: string;
  /** 1-based position of the event inside its stream. */
  readonly streamVersion: number;
  /** Position in the store's global log. */
  readonly position: bigint;
  readonly recordedAt: Date;
}

/** `no_stream`: the stream must be empty; `any`: no check; a number: the stream's exact version. */
export type ExpectedVersion = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** The stream's version after the append (what to expect next time). */
  readonly nextExpectedVersion: number;
  /** Global position of the last event written (or already present, for an idempotent retry). */
  readonly lastPosition: bigint;
}

/** One stream's share of a multi-stream append (`appendMany`). */
export interface StreamAppend {
  readonly streamId: string;
  /** May be empty: then the append only checks the stream's version. */
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** First version to return (1-based, inclusive); defaults to 1. */
  readonly fromVersion?: number;
}

export interface ReadAllOptions {
  /** Exclusive checkpoint: events strictly after this position are returned. 0n reads from the start. */
  readonly after: bigint;
  readonly maxCount: number;
}

export type GlobalLogHandler = (batch: readonly RecordedEvent[]) => Promise<void>;

export interface SubscribeOptions {
  /** Exclusive checkpoint to resume after; 0n for the beginning of the log. */
  readonly after: bigint;
  readonly batchSize?: number;
  /** Called when the handler throws; the subscription stops after reporting. */
  readonly onError?: (error: unknown) => void;
  /**
   * How often this subscriber, when idle, looks for other processes' writes (this process's own
   * commits wake it at once); the store's own interval when absent. Adapters that are told of new
   * events by the server (EventStoreDB) do not poll and ignore it.
   */
  readonly pollIntervalMs?: number;
}

export interface Subscription {
  /** Resolves once the live loop has stopped and no handler call is in flight. */
  stop(): Promise<void>;
  /** Position of the last batch the handler finished. */
  readonly position: bigint;
}

/** Tells waiting log readers that a commit happened; `seen` lets a reader notice one it missed while busy. */
export interface CommitSignal {
  readonly seen: number;
  notify(): void;
  /** Resolves on the next notify() after generation `since`, or after `timeoutMs`. */
  wait(timeoutMs: number, since: number): Promise<void>;
}

export interface EventStore {
  /** Present where the adapter can tell of commits (PostgreSQL/PGlite, in memory); readers of others poll. */
  readonly commits?: CommitSignal;
  /**
   * Whether `appendMany` is one transaction (all or nothing). False on EventStoreDB, which has no
   * multi-stream transactions: there `appendMany` appends stream after stream in the order given
   * and stops at the first refusal, leaving the earlier streams written, so callers order their
   * streams to make that safe (the arbiter first, the record that says "done" last).
   */
  readonly atomicMultiStream: boolean;
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  /**
   * Appends to several streams at once (each stream at most once). Where `atomicMultiStream`, all
   * or nothing: when one stream's expected version is wrong (WrongExpectedVersion names it) or an
   * id conflicts (EventIdConflict), nothing is written. The events get global positions in the
   * order given. Repeating it with the same ids returns the original results. Answers one result
   * per append, in order.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads several whole streams at once (one round trip where the adapter can); every id asked for is in the answer, empty when missing. */
  readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, RecordedEvent[]>>;
  /** Reads the global log in position order; never returns an event whose predecessors are not yet visible. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catches up from the checkpoint, then follows the log live; batches arrive in position order, each once. */
  subscribeToAll(handler: GlobalLogHandler, options: SubscribeOptions): Subscription;
  /** Highest position currently visible to readers (0n for an empty store). */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}

export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
  }
}

/** The same event id was already stored with different content or in another stream. */
export class EventIdConflict extends Error {
  override readonly name = 'EventIdConflict';
  constructor(readonly eventId: string, readonly streamId: string) {
    super(`event ${eventId} already exists with different content or stream (appending to ${streamId})`);
  }
}

/** Where a subscriber (relay, projection, log-fed consumer) keeps how far it got. */
export interface CheckpointStore {
  /** 0n when nothing was stored yet. */
  load(name: string): Promise<bigint>;
  save(name: string, position: bigint): Promise<void>;
}
