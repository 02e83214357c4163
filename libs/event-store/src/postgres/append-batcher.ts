import type { AppendResult } from '../event-store.port';
import { takeBatch, type BatchLimits } from './batch-selection';
import type { AppendOutcome, PendingAppend } from './postgres-append';

interface Queued extends PendingAppend {
  readonly settle: (outcome: AppendOutcome) => void;
}

export interface BatchWriter {
  /** Writes the appends together; throws if the batch as a whole failed. */
  writeBatch(batch: readonly PendingAppend[]): Promise<AppendOutcome[]>;
  /** Turns the failure of a batch holding only `append` into that append's outcome. */
  explainFailure(append: PendingAppend, error: unknown): Promise<AppendOutcome>;
}

/**
 * Group commit: appends arriving while a batch is being written queue up and go together in the
 * next transaction, so many small concurrent appends cost one round trip and one WAL flush. One
 * batch is in flight at a time: the append lock serialises writers anyway, and waiting is what
 * lets the next batch fill up.
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
    return new Promise((resolve, reject) => {
      const settle = (outcome: AppendOutcome): void =>
        outcome.ok ? resolve(outcome.result) : reject(outcome.error);
      this.queue.push({ ...append, settle });
      this.draining ??= this.drain();
    });
  }

  /** Resolves when everything submitted so far has been written (or refused). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.write(takeBatch(this.queue, this.limits));
    } finally {
      this.draining = undefined;
    }
  }

  private async write(batch: Queued[]): Promise<void> {
    let outcomes: AppendOutcome[];
    try {
      outcomes = await this.writer.writeBatch(batch);
    } catch (error) {
      outcomes = await this.oneByOne(batch, error);
    }
    if (outcomes.some((outcome) => outcome.ok)) this.onCommitted();
    batch.forEach((append, index) =>
      append.settle(outcomes[index] ?? { ok: false, error: new Error('no outcome') }),
    );
  }

  /**
   * The batch failed as a whole (a writer outside the lock, a bad value, a lost connection):
   * retry each append alone so one bad append cannot fail the others.
   */
  private async oneByOne(batch: Queued[], error: unknown): Promise<AppendOutcome[]> {
    if (batch.length === 1 && batch[0]) return [await this.writer.explainFailure(batch[0], error)];
    const outcomes: AppendOutcome[] = [];
    for (const append of batch) outcomes.push(await this.writeAlone(append));
    return outcomes;
  }

  private async writeAlone(append: PendingAppend): Promise<AppendOutcome> {
    try {
      const [outcome] = await this.writer.writeBatch([append]);
      return outcome ?? { ok: false, error: new Error(`append to ${append.streamId} got no outcome`) };
    } catch (error) {
      return this.writer.explainFailure(append, error);
    }
  }
}
