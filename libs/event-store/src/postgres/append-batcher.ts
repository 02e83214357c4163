import type { AppendResult } from '../event-store.port';
import { takeBatch, type BatchLimits } from './batch-selection';
import type { GroupOutcome, PendingAppend, PendingGroup } from './postgres-append';

interface Queued extends PendingGroup {
  readonly streamIds: readonly string[];
  readonly eventIds: readonly string[];
  readonly settle: (outcome: GroupOutcome) => void;
}

export interface BatchWriter {
  /** Writes the groups together, each all or nothing; throws if the batch as a whole failed. */
  writeBatch(batch: readonly PendingGroup[]): Promise<GroupOutcome[]>;
  /** Turns the failure of a batch holding only `group` into that group's outcome. */
  explainFailure(group: PendingGroup, error: unknown): Promise<GroupOutcome>;
}

/**
 * Group commit: appends arriving while a batch is being written queue up and go together in the
 * next transaction, so many small concurrent appends cost one round trip and one WAL flush. A
 * multi-stream append (`appendMany`) queues as one all-or-nothing group and shares the batch with
 * the others. One batch is in flight at a time: the append lock serialises writers anyway, and
 * waiting is what lets the next batch fill up.
 */
export class AppendBatcher {
  private readonly queue: Queued[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    private readonly writer: BatchWriter,
    private readonly limits: BatchLimits,
    private readonly onCommitted: () => void,
  ) {}

  submit(append: PendingAppend): Promise<AppendResult> {
    return new Promise((resolve, reject) =>
      this.enqueue([append], (outcome) => (outcome.ok ? resolve(outcome.results[0]!) : reject(outcome.error))),
    );
  }

  /** Resolves with a result per append, in order, or rejects with the error of the group's first refused append. */
  submitGroup(appends: readonly PendingAppend[]): Promise<readonly AppendResult[]> {
    return new Promise((resolve, reject) =>
      this.enqueue(appends, (outcome) => (outcome.ok ? resolve(outcome.results) : reject(outcome.error))),
    );
  }

  /** Resolves when everything submitted so far has been written (or refused). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private enqueue(appends: readonly PendingAppend[], settle: (outcome: GroupOutcome) => void): void {
    const streamIds = appends.map((append) => append.streamId);
    const eventIds = appends.flatMap((append) => append.eventIds);
    this.queue.push({ appends, streamIds, eventIds, settle });
    this.draining ??= this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.write(takeBatch(this.queue, this.limits));
    } finally {
      this.draining = undefined;
    }
  }

  private async write(batch: Queued[]): Promise<void> {
    let outcomes: GroupOutcome[];
    try {
      outcomes = await this.writer.writeBatch(batch);
    } catch (error) {
      outcomes = await this.oneByOne(batch, error);
    }
    if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
    batch.forEach((group, index) => group.settle(outcomes[index] ?? { ok: false, error: new Error('no outcome') }));
  }

  /**
   * The batch failed as a whole (a writer outside the lock, a bad value, a lost connection):
   * retry each group alone so one bad group cannot fail the others.
   */
  private async oneByOne(batch: Queued[], error: unknown): Promise<GroupOutcome[]> {
    if (batch.length === 1 && batch[0]) return [await this.writer.explainFailure(batch[0], error)];
    const outcomes: GroupOutcome[] = [];
    for (const group of batch) outcomes.push(await this.writeAlone(group));
    return outcomes;
  }

  private async writeAlone(group: PendingGroup): Promise<GroupOutcome> {
    try {
      const [outcome] = await this.writer.writeBatch([group]);
      return outcome ?? { ok: false, error: new Error(`append to ${group.appends[0]?.streamId ?? '?'} got no outcome`) };
    } catch (error) {
      return this.writer.explainFailure(group, error);
    }
  }
}
