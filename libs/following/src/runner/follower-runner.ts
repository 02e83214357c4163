import { asOneJob, type RecordedEvent } from '@collab/event-store';
import type { CheckpointCommitter } from '../checkpoints/checkpoint-committer';
import { FencedCheckpoints } from '../checkpoints/fenced-checkpoints';
import { Stopped, classify } from '../faults';
import type { LeaseTerm, Leases } from '../leases/lease';
import type { SharedLogReader } from '../reading/shared-log-reader';
import type { FollowerBatch, FollowerDefinition, FollowerStatus, StatementRunner } from './follower';
import { untilDone, type RetryReport } from './retrying';

export interface FollowerLog {
  warn(context: Record<string, unknown>, message: string): void;
  error(context: Record<string, unknown>, message: string): void;
}

export interface FollowerRunnerDependencies {
  readonly log: string;
  readonly reader: SharedLogReader;
  readonly leases: Leases;
  readonly db: StatementRunner;
  readonly logger: FollowerLog;
  /** Where lazy checkpoint saves go to be written with the other followers' of the same home, in one statement per tick. */
  readonly committer?: CheckpointCommitter;
}

const anySignal = (...signals: AbortSignal[]): AbortSignal => AbortSignal.any(signals);

/**
 * Runs one follower for as long as the process: wait for its lease (standby), load its checkpoints,
 * then read, filter, handle and checkpoint batch after batch. Faults are retried without limit
 * (DESIGN §3 "Errors"); losing the lease ends the term at once and the runner goes back to standby.
 * On stop the batch in hand finishes, the checkpoint is saved, and the lease is given back so a
 * replica takes over at its next look.
 */
export class FollowerRunner {
  private readonly stopping = new AbortController();
  private readonly checkpoints: FencedCheckpoints;
  private running: Promise<void> = Promise.resolve();
  private current: FollowerStatus['state'] = 'standby';
  private position = 0n;
  private saved = 0n;
  private lastFault: string | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private committing = false;

  constructor(
    readonly definition: FollowerDefinition,
    private readonly deps: FollowerRunnerDependencies,
  ) {
    this.checkpoints = new FencedCheckpoints(definition.home);
  }

  get name(): string {
    return this.definition.name;
  }

  status(): FollowerStatus {
    return {
      name: this.name,
      log: this.deps.log,
      state: this.current,
      position: this.position,
      head: this.deps.reader.head > this.position ? this.deps.reader.head : this.position,
      ...(this.lastFault === undefined ? {} : { lastFault: this.lastFault }),
    };
  }

  start(): void {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
    this.current = 'stopped';
  }

  private async run(): Promise<void> {
    const { leases } = this.deps;
    while (!this.stopping.signal.aborted) {
      this.current = 'standby';
      let term: LeaseTerm;
      try {
        term = await leases.acquire(this.definition.home, this.name, this.stopping.signal);
      } catch {
        return; // stopping
      }
      await this.follow(term);
      if (this.stopping.signal.aborted) await leases.release(term);
    }
  }

  /** One term of ownership: from the stored checkpoints until the lease is lost or the process stops. */
  private async follow(term: LeaseTerm): Promise<void> {
    const signal = anySignal(this.stopping.signal, term.lost);
    this.current = 'starting';
    try {
      const positions = await untilDone(() => this.checkpoints.load(this.deps.db, this.definition.handler.checkpointNames), signal, (retry) => this.retrying(retry));
      this.position = this.saved = [...positions.values()].reduce((low, position) => (position < low ? position : low));
      const { handler } = this.definition;
      if (handler.begin) await untilDone(() => handler.begin!(term, signal), signal, (retry) => this.retrying(retry));
      await this.followFrom(term, positions, signal);
    } catch (error) {
      if (!(error instanceof Stopped) && classify(error) !== 'stopping') this.deps.logger.error({ follower: this.name, error }, 'follower failed');
    } finally {
      clearTimeout(this.flushTimer);
      await this.flushing;
      if (!term.lost.aborted) await this.save(term).catch((error: unknown) => this.deps.logger.warn({ follower: this.name, error }, 'checkpoint not saved at stop'));
    }
  }

  private async followFrom(term: LeaseTerm, positions: Map<string, bigint>, signal: AbortSignal): Promise<void> {
    const { handler } = this.definition;
    for (;;) {
      this.current = 'following';
      const batch = await untilDone(() => this.deps.reader.next(this.position, signal), signal, (retry) => this.retrying(retry));
      if (batch.length === 0) {
        await untilDone(() => handler.idle?.(term, signal) ?? Promise.resolve(), signal, (retry) => this.retrying(retry));
        continue;
      }
      const upTo = batch[batch.length - 1]!.position;
      const wanted = batch.filter((event) => handler.wants(event));
      // One job from now: on the embedded connection the batch's statements wait their turn as one piece of work that ages.
      const outcome = wanted.length === 0 ? 'deferred' : await asOneJob(() => this.handle(wanted, { upTo, positions, term, signal }), undefined, this.definition.giveWayMs);
      this.lastFault = undefined;
      this.position = upTo;
      if (outcome === 'committed') {
        this.saved = upTo;
        for (const name of handler.checkpointNames) positions.set(name, upTo);
      } else this.flushSoon(term);
    }
  }

  /** A retried batch leaves out what an event-by-event handler already reported done. */
  private handle(events: readonly RecordedEvent[], at: Omit<FollowerBatch, 'events' | 'advance' | 'ahead'>): Promise<'committed' | 'deferred'> {
    const { handler } = this.definition;
    const advance = (position: bigint): void => this.advance(position);
    const ahead = (): Promise<readonly RecordedEvent[]> => this.deps.reader.ahead(at.upTo).then((next) => next.filter((event) => handler.wants(event)));
    const attempt = (): Promise<'committed' | 'deferred'> => {
      const left = events.filter((event) => event.position > this.position);
      if (left.length === 0) return Promise.resolve('deferred');
      return handler.handle({ ...at, events: left, advance, ahead });
    };
    return untilDone(attempt, at.signal, (retry) => this.retrying(retry));
  }

  private advance(position: bigint): void {
    if (position > this.position) this.position = position;
  }

  /** Saves the checkpoint soon: at once when much is unsaved, else after the flush interval. */
  private flushSoon(term: LeaseTerm): void {
    const { flush } = this.definition;
    if (this.position - this.saved >= BigInt(flush.afterEvents)) return this.flushNow(term);
    if (this.deps.committer?.home === this.definition.home) return this.commitSoon(term, this.deps.committer);
    this.flushTimer ??= setTimeout(() => this.flushNow(term), flush.afterMs);
  }

  /** Hands the save to the committer; once saved, anything handled meanwhile goes with its next tick. */
  private commitSoon(term: LeaseTerm, committer: CheckpointCommitter): void {
    if (this.committing) return;
    this.committing = true;
    this.flushing = this.flushing
      .then(() => committer.save(term, this.definition.handler.checkpointNames, () => this.position))
      .then((position) => {
        if (position > this.saved) this.saved = position;
        this.committing = false;
        if (this.position > this.saved && !term.lost.aborted) this.commitSoon(term, committer);
      })
      .catch((error: unknown) => {
        this.committing = false;
        this.deps.logger.warn({ follower: this.name, error }, 'checkpoint not saved; saved again later');
      });
  }

  private flushNow(term: LeaseTerm): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.flushing = this.flushing.then(() => this.save(term)).catch((error: unknown) => this.deps.logger.warn({ follower: this.name, error }, 'checkpoint not saved; saved again later'));
  }

  private async save(term: LeaseTerm): Promise<void> {
    const position = this.position;
    if (position <= this.saved) return;
    await this.checkpoints.save(this.deps.db, term, this.definition.handler.checkpointNames, position);
    if (position > this.saved) this.saved = position;
  }

  private retrying({ fault, attempt, delayMs, error }: RetryReport): void {
    this.current = fault === 'waiting' ? 'waiting' : 'retrying';
    this.lastFault = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const context = { follower: this.name, fault, attempt, delayMs, error: this.lastFault };
    if (fault === 'waiting' || attempt > 1) this.deps.logger.warn(context, 'follower retrying');
    else this.deps.logger.error(context, 'follower retrying');
  }
}
