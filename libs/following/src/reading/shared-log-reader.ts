import type { CommitSignal, ReadAllOptions, RecordedEvent } from '@collab/event-store';
import { RecentWindow } from './recent-window';

/** What a reader needs of an event store: ordered, never-skipping reads of its global log. */
export interface LogSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<bigint>;
  readonly commits?: CommitSignal;
}

export interface SharedLogReaderOptions {
  /** Events read from the store at a time. */
  readonly batchSize?: number;
  /** Recent events kept for followers that are a little behind the fastest one. */
  readonly windowEvents?: number;
  /** How long an idle reader waits for a commit signal before it looks anyway (the slow fallback poll). */
  readonly pollMs?: number;
}

export const DEFAULT_READ_BATCH = 500;

/**
 * One reader per log per process (DESIGN §3 "Following a log"). Every follower of the log asks it
 * for the events after its own position; followers at the head share one read of each new batch,
 * and followers a little behind are served from a window of recent events, so in steady state the
 * store is read once per batch however many followers there are. A follower outside the window (a
 * new follower starting from 0, or one far ahead of a lagging one) reads for itself until it
 * reaches the window. Idle followers wait on the store's commit signal — in-process commits, or
 * PostgreSQL's NOTIFY in the distributed mode — with a slow fallback poll.
 *
 * The store guarantees order and completeness (it never returns an event whose predecessors are not
 * visible), so a batch, once read, can be handed to every follower as it is.
 */
export class SharedLogReader {
  private readonly window: RecentWindow;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private tailRead: { after: bigint; read: Promise<readonly RecordedEvent[]> } | undefined;
  /** The last read at the tail that found nothing, and the commit count when it began. */
  private emptyTail: { after: bigint; commitsSeen: number } | undefined;
  private knownHead = 0n;
  private reads = 0;

  constructor(
    private readonly source: LogSource,
    options: SharedLogReaderOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_READ_BATCH;
    this.window = new RecentWindow(options.windowEvents ?? 10 * this.batchSize);
    this.pollMs = options.pollMs ?? 1_000;
  }

  /** How many times the store was read: a follower served from the window costs none. */
  get storeReads(): number {
    return this.reads;
  }

  /** The highest position this reader has seen (the head as of its last read). */
  get head(): bigint {
    return this.knownHead;
  }

  /** Asks the store for its head (for lag figures when nobody follows at the head). */
  async refreshHead(): Promise<bigint> {
    const head = await this.source.headPosition();
    if (head > this.knownHead) this.knownHead = head;
    return this.knownHead;
  }

  /**
   * The events after `after`, at most `max` (default: the batch size), in position order. When
   * there are none yet it waits once — for a commit, or the fallback poll — and looks again, so an
   * empty answer means "nothing new for a while" and the caller may do its idle chores.
   */
  async next(after: bigint, signal: AbortSignal, max = this.batchSize): Promise<readonly RecordedEvent[]> {
    signal.throwIfAborted();
    const commitsSeen = this.source.commits?.seen ?? 0;
    if (!this.knownEmptyAfter(after, commitsSeen)) {
      const events = await this.read(after, max);
      if (events.length > 0) return events;
    }
    await this.idle(commitsSeen, signal);
    signal.throwIfAborted();
    return this.read(after, max);
  }

  /**
   * What `next(after)` would most likely answer, without reading the store for it: the window's
   * events after `after`, or the read ahead in flight from there; empty when neither is at hand (a
   * follower at the head). A follower prepares its next batch with it while its current one waits
   * (the relay encodes while the broker acknowledges); it is never a batch to act on.
   */
  ahead(after: bigint, max = this.batchSize): Promise<readonly RecordedEvent[]> {
    const cached = this.window.after(after, max);
    if (cached !== undefined && cached.length > 0) return Promise.resolve(cached);
    if (this.tailRead?.after === after) return this.tailRead.read.then((events) => events.slice(0, max), () => []);
    return Promise.resolve([]);
  }

  /**
   * Nothing follows `after`: a read ended there short of a full batch, and no commit was announced since it began.
   * The followers that finish their batch after the first one then wait for the next commit instead
   * of each asking the store again (one empty read per follower per commit, before). Only with a
   * commit signal: its fallback poll, which reads regardless, covers a signal that was missed.
   */
  private knownEmptyAfter(after: bigint, commitsSeen: number): boolean {
    const empty = this.emptyTail;
    return this.source.commits !== undefined && empty !== undefined && empty.after === after && empty.commitsSeen === commitsSeen;
  }

  private async read(after: bigint, max: number): Promise<readonly RecordedEvent[]> {
    const cached = this.window.after(after, max);
    if (cached !== undefined && cached.length > 0) return this.readingAhead(cached);
    if (this.window.isEmpty() || after === this.window.tail) return this.readingAhead((await this.readTail(after)).slice(0, max));
    // Behind the window's start or ahead of its end: this follower reads for itself.
    return this.fetch(after, Math.max(max, this.batchSize));
  }

  /**
   * A full batch that ends at the window's tail means the log goes on past it (a follower catching
   * up, a relay publishing a backlog): the next batch is read while the follower handles this one,
   * so the store's round trip overlaps the follower's work instead of following it. A batch short of
   * full (a follower at the head) reads nothing ahead, so an idle or lightly loaded log costs no
   * extra statement. A failed read-ahead is read again by whoever asks for it.
   */
  private readingAhead(batch: readonly RecordedEvent[]): readonly RecordedEvent[] {
    const last = batch[batch.length - 1];
    if (batch.length >= this.batchSize && last !== undefined && last.position === this.window.tail)
      this.readTail(last.position).catch(() => undefined);
    return batch;
  }

  /** One read of the store after the window's tail, shared by everyone asking for it meanwhile. */
  private readTail(after: bigint): Promise<readonly RecordedEvent[]> {
    if (this.tailRead?.after === after) return this.tailRead.read;
    const commitsSeen = this.source.commits?.seen ?? 0;
    const read = this.fetch(after, this.batchSize).then((events) => {
      this.window.extend(after, events);
      // A batch short of full is all there was when the read began; a commit since then is announced
      // after it is visible, so until one is, the next read at the new tail would find nothing.
      this.emptyTail = events.length < this.batchSize ? { after: events[events.length - 1]?.position ?? after, commitsSeen } : undefined;
      return events;
    });
    const current = { after, read };
    this.tailRead = current;
    const clear = (): void => {
      if (this.tailRead === current) this.tailRead = undefined;
    };
    read.then(clear, clear);
    return read;
  }

  private async fetch(after: bigint, maxCount: number): Promise<readonly RecordedEvent[]> {
    this.reads += 1;
    const events = await this.source.readAll({ after, maxCount });
    const last = events[events.length - 1];
    if (last && last.position > this.knownHead) this.knownHead = last.position;
    return events;
  }

  private async idle(commitsSeen: number, signal: AbortSignal): Promise<void> {
    const commits = this.source.commits;
    if (signal.aborted) return;
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<void>((resolve) => {
      onAbort = resolve;
      signal.addEventListener('abort', onAbort, { once: true });
    });
    const waited = commits
      ? commits.wait(this.pollMs, commitsSeen)
      : new Promise<void>((resolve) => setTimeout(resolve, this.pollMs).unref());
    try {
      await Promise.race([waited, aborted]);
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }
}
