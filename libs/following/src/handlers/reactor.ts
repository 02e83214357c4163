import { SpanKind } from '@opentelemetry/api';
import { asNewJob, contextOfTraceFields, inSpan, type RecordedEvent } from '@collab/event-store';
import { FencedCheckpoints } from '../checkpoints/fenced-checkpoints';
import { DeadLetterStore } from '../dead-letters/dead-letter-store';
import { classify, Stopped } from '../faults';
import type { BatchHandler, FollowerBatch } from '../runner/follower';
import type { SqlExecutor } from '../sql';
import { describeFault, settle, type Settled } from './settle';

/** A process manager or consumer: reacts to each event it handles, at least once, idempotently. */
export interface ReactorSpec {
  readonly name: string;
  /** Event types it reacts to; `all` for every event of the log. */
  readonly handles: readonly string[] | 'all';
  react(event: RecordedEvent, signal: AbortSignal): Promise<void>;
  /**
   * Event types it does not react to but reads in each batch it is handed, to tell which of its
   * reactions the log already holds (see `doneIn`). A batch that holds only these costs nothing.
   */
  readonly witnesses?: readonly string[];
  /**
   * Of a batch's events to react to, the ids of those whose reaction the batch's witnessed events
   * (in log order, possibly none) show already made: they are passed over without a reaction, a
   * read or a transaction. Must answer only what is certain; anything else is reacted to as usual.
   */
  doneIn?(events: readonly RecordedEvent[], witnessed: readonly RecordedEvent[]): ReadonlySet<string>;
  /**
   * A transaction the reactions of a whole batch share, where the reactor keeps tables of its own
   * (a process manager's board): its reactions write them through the transaction, and the
   * checkpoint commits with them — one commit per batch instead of one per statement. Reactions
   * must not run on the transaction what other writers take locks for (event-store appends).
   */
  readonly batchTransaction?: BatchTransaction;
  /**
   * Where the batch transaction leaves the checkpoint: `with-batch` (the default) commits it with the
   * reactions; `deferred` leaves it to the runner's flush (every N events or ~250 ms), for reactions
   * that are idempotent by themselves (an inbox): a small batch then costs no checkpoint write.
   */
  readonly batchCheckpoint?: 'with-batch' | 'deferred';
  /** How long one batch transaction may grow; DEFAULT_TRANSACTION_BOUNDS unless a test says otherwise. */
  readonly transactionBounds?: TransactionBounds;
}

/** Runs `work` in one transaction (committed when it resolves, rolled back when it throws); `sql` runs on it. */
export type BatchTransaction = <T>(work: (sql: SqlExecutor) => Promise<T>) => Promise<T>;

export interface ReactorLog {
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

const described = describeFault;

/**
 * How long one batch transaction may hold the connection: it ends after this many reactions or once
 * this many milliseconds went by (whichever comes first), commits, and the rest of the batch goes on
 * in the next. Embedded, the connection is the only one: a consumer working off a backlog of 500
 * events in one transaction held it for seconds, and every request waited behind it.
 */
export interface TransactionBounds {
  readonly events: number;
  readonly ms: number;
  /** Milliseconds, for the time bound; performance.now() unless a test moves a clock of its own. */
  readonly now: () => number;
}

export const DEFAULT_TRANSACTION_BOUNDS: TransactionBounds = { events: 50, ms: 50, now: () => performance.now() };

/** A stored letter's JSON back into the recorded event it was. */
const revived = (json: unknown): RecordedEvent => {
  const event = json as RecordedEvent & { position: string; recordedAt: string };
  return { ...event, position: BigInt(event.position), recordedAt: new Date(event.recordedAt) };
};

/**
 * Event by event (DESIGN §3 "Errors"): infrastructure faults and waiting are retried without
 * limit; poison — refused by the domain for good, or failing for an unknown reason five times — is
 * dead-lettered and parks its stream, so the stream's later events wait behind it instead of being
 * handled out of order. Checkpoints are the runner's, every N events or ~250 ms.
 */
export class Reactor implements BatchHandler {
  readonly checkpointNames: readonly string[];
  private readonly types: ReadonlySet<string> | 'all';
  private readonly witnessed: ReadonlySet<string>;
  private readonly letters: DeadLetterStore;
  private readonly checkpoints: FencedCheckpoints;
  private parked = new Set<string>();

  constructor(
    home: string,
    private readonly spec: ReactorSpec,
    private readonly db: SqlExecutor,
    private readonly log: ReactorLog,
  ) {
    this.checkpointNames = [spec.name];
    this.types = spec.handles === 'all' ? 'all' : new Set(spec.handles);
    this.witnessed = new Set(spec.witnesses ?? []);
    this.letters = new DeadLetterStore(home);
    this.checkpoints = new FencedCheckpoints(home);
  }

  wants(event: RecordedEvent): boolean {
    return this.reactsTo(event) || this.witnessed.has(event.type);
  }

  private reactsTo(event: RecordedEvent): boolean {
    return this.types === 'all' || this.types.has(event.type);
  }

  async begin(): Promise<void> {
    this.parked = await this.letters.parkedStreams(this.db, this.spec.name);
  }

  async handle(given: FollowerBatch): Promise<'committed' | 'deferred'> {
    const { batch, passedOver } = this.toReactTo(given);
    for (const event of passedOver) await this.inReactionSpan(event, () => Promise.resolve(), { 'collab.reaction': 'in the log already' });
    if (batch.events.length === 0) {
      // Nothing left to react to: the checkpoint moves with the runner's lazy flush, as for a batch it does not want.
      batch.advance(batch.upTo);
      return 'deferred';
    }
    let rest = batch.events;
    if (this.spec.batchTransaction && !batch.events.some((event) => this.parked.has(event.streamId))) {
      rest = batch.events.slice(await this.together(batch));
      if (rest.length === 0) {
        if (this.spec.batchCheckpoint !== 'deferred') return 'committed';
        batch.advance(batch.upTo);
        return 'deferred';
      }
    }
    for (const event of rest) {
      if (batch.signal.aborted) throw new Stopped();
      if (this.parked.has(event.streamId)) await this.deadLetter(event, new Error(`waits behind an earlier dead letter of ${event.streamId}`), 0);
      else await this.reactTo(event, batch.signal);
      batch.advance(event.position);
    }
    return 'deferred';
  }

  /**
   * The batch without what the reactor only witnesses and without the reactions the log already
   * holds (ReactorSpec.doneIn); an event of a parked stream is never passed over, it waits its turn.
   */
  private toReactTo(batch: FollowerBatch): { batch: FollowerBatch; passedOver: readonly RecordedEvent[] } {
    if (this.witnessed.size === 0) return { batch, passedOver: [] };
    const events = batch.events.filter((event) => this.reactsTo(event));
    const witnessed = batch.events.filter((event) => !this.reactsTo(event));
    const done = this.spec.doneIn?.(events, witnessed) ?? new Set<string>();
    const passes = (event: RecordedEvent): boolean => done.has(event.id) && !this.parked.has(event.streamId);
    const left = events.filter((event) => !passes(event));
    if (left.length === batch.events.length) return { batch, passedOver: [] };
    return { batch: { ...batch, events: left, advance: (position) => batch.advance(position), ahead: () => batch.ahead() }, passedOver: events.filter(passes) };
  }

  /**
   * The batch's reactions and its checkpoint in transactions of bounded length (TransactionBounds),
   * each a job of its own on the connection, so that what waited meanwhile goes first. Answers how
   * many of the batch's events are committed. A failure rolls back the transaction at hand (nothing
   * of it is reported done) and the rest of the batch is handled event by event, where faults are
   * retried and poison is dead-lettered one event at a time; reactions are idempotent, so what the
   * failed attempt appended to the log is appended nothing twice.
   */
  private async together(batch: FollowerBatch): Promise<number> {
    const { events } = batch;
    let done = 0;
    try {
      while (done < events.length) {
        const from = done;
        done = await asNewJob(() => this.spec.batchTransaction!((sql) => this.bounded(batch, from, sql)));
        batch.advance(done === events.length ? batch.upTo : events[done - 1]!.position);
      }
      return done;
    } catch (error) {
      if (classify(error) === 'stopping') throw error;
      this.log.warn({ follower: this.spec.name, events: events.length - done, error: described(error).message }, 'batch not applied as one transaction; handling it event by event');
      return done;
    }
  }

  /** Reacts from `from` on, in one transaction, until the batch ends or a bound is reached; answers where it stopped. */
  private async bounded(batch: FollowerBatch, from: number, sql: SqlExecutor): Promise<number> {
    const { events } = batch;
    const bounds = this.spec.transactionBounds ?? DEFAULT_TRANSACTION_BOUNDS;
    const began = bounds.now();
    let next = from;
    do {
      if (batch.signal.aborted) throw new Stopped();
      await this.reactInSpan(events[next]!, batch.signal);
      next += 1;
    } while (next < events.length && next - from < bounds.events && bounds.now() - began < bounds.ms);
    const upTo = next === events.length ? batch.upTo : events[next - 1]!.position;
    if (this.spec.batchCheckpoint !== 'deferred') await this.checkpoints.save(sql, batch.term, this.checkpointNames, upTo);
    return next;
  }

  /** Replays what an operator asked for, stream by stream, in order. */
  async idle(_term: unknown, signal: AbortSignal): Promise<void> {
    if (this.parked.size === 0) return;
    for (const streamId of await this.letters.replayRequests(this.db, this.spec.name)) await this.replay(streamId, signal);
  }

  private async replay(streamId: string, signal: AbortSignal): Promise<void> {
    for (const letter of await this.letters.pendingOf(this.db, this.spec.name, streamId)) {
      const outcome = await this.attempt(revived(letter.event), signal);
      if (outcome.kind !== 'handled') {
        await this.letters.clearRequest(this.db, this.spec.name, streamId);
        return this.log.error({ follower: this.spec.name, streamId, eventId: letter.eventId }, 'replay met the same poison; the stream stays parked');
      }
      await this.letters.markReplayed(this.db, letter.id);
    }
    if (await this.letters.unparkIfDone(this.db, this.spec.name, streamId)) this.parked.delete(streamId);
    this.log.warn({ follower: this.spec.name, streamId }, 'dead letters replayed; the stream flows again');
  }

  private async reactTo(event: RecordedEvent, signal: AbortSignal): Promise<void> {
    const outcome = await this.attempt(event, signal);
    if (outcome.kind === 'poison') await this.deadLetter(event, outcome.error, outcome.attempts);
  }

  private attempt(event: RecordedEvent, signal: AbortSignal): Promise<Settled> {
    return settle(() => this.reactInSpan(event, signal), {
      signal,
      onRetry: ({ fault, attempts, delayMs, error }) =>
        this.log.warn({ follower: this.spec.name, eventId: event.id, type: event.type, fault, attempts, delayMs, error: described(error).message }, 'reaction failed; retrying'),
    });
  }

  /**
   * Each attempt is a `process <follower>` span continuing the trace stored with the event (its
   * append), so what the reaction appends joins the trace of the request that caused the event.
   */
  private reactInSpan(event: RecordedEvent, signal: AbortSignal): Promise<void> {
    return this.inReactionSpan(event, () => this.spec.react(event, signal));
  }

  /** A reaction passed over because the log holds it already gets its span too, so the trace shows who looked at the event. */
  private inReactionSpan(event: RecordedEvent, work: () => Promise<void>, more: Record<string, string> = {}): Promise<void> {
    const attributes = () => ({
      'collab.follower': this.spec.name,
      'collab.event.id': event.id,
      'collab.event.type': event.type,
      'collab.stream.id': event.streamId,
      'collab.position': event.position.toString(),
      ...more,
    });
    const parent = contextOfTraceFields(event.metadata);
    return inSpan({ name: `process ${this.spec.name}`, kind: SpanKind.CONSUMER, parent, attributes }, work);
  }

  private async deadLetter(event: RecordedEvent, error: unknown, attempts: number): Promise<void> {
    this.log.error({ follower: this.spec.name, eventId: event.id, type: event.type, streamId: event.streamId, error: described(error).message }, 'event dead-lettered; its stream is parked');
    await this.letters.record(this.db, {
      follower: this.spec.name,
      eventId: event.id,
      eventType: event.type,
      streamId: event.streamId,
      position: event.position,
      event,
      error: described(error),
      attempts,
    });
    this.parked.add(event.streamId);
  }
}
