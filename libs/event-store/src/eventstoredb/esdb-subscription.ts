import { streamNameFilter, type AllStreamSubscription, type EventStoreDBClient } from '@eventstore/db-client';
import type { GlobalLogHandler, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { DEFAULT_SUBSCRIPTION_BATCH } from '../core/log-follower';
import { readPositionAfter, toRecordedEvent, type StreamNames } from './esdb-mapping';

/**
 * A full batch is cut at the last commit boundary: the events of one append share a commit
 * position, and a checkpoint at that position skips them all on resume, so a batch that ended in
 * the middle of a commit would lose the commit's rest. The trailing commit waits for the next batch
 * (unless it alone fills the batch: then it goes whole, never split).
 */
export const completeCommits = (pending: readonly RecordedEvent[]): { ready: RecordedEvent[]; held: RecordedEvent[] } => {
  const lastPosition = pending[pending.length - 1]?.position;
  const cut = pending.findIndex((event) => event.position === lastPosition);
  return cut <= 0 ? { ready: [...pending], held: [] } : { ready: pending.slice(0, cut), held: pending.slice(cut) };
};

/**
 * Follows $all through a server-side filtered catch-up subscription (prefix `<service>-`) and
 * hands events to the handler in batches: a batch closes when batchSize is reached (at a commit
 * boundary, see completeCommits) or when no more events are buffered right now. Events at or
 * before the checkpoint's commit position are skipped (an append's events share one commit position).
 */
export class EsdbSubscription implements Subscription {
  private current: bigint;
  private stopping = false;
  private readonly source: AllStreamSubscription;
  private readonly done: Promise<void>;

  constructor(
    client: EventStoreDBClient,
    private readonly names: StreamNames,
    private readonly handler: GlobalLogHandler,
    private readonly options: SubscribeOptions,
  ) {
    this.current = options.after;
    this.source = client.subscribeToAll({
      fromPosition: readPositionAfter(options.after),
      filter: streamNameFilter({ prefixes: [names.prefix] }),
    });
    this.done = this.run();
  }

  get position(): bigint {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.source.unsubscribe();
    await this.done;
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH;
    const pending: RecordedEvent[] = [];
    try {
      for await (const resolved of this.source) {
        if (this.stopping) return;
        const event = toRecordedEvent(this.names, resolved);
        if (event && event.position > this.options.after) pending.push(event);
        if (pending.length >= batchSize) {
          const { ready, held } = completeCommits(pending);
          pending.splice(0, pending.length, ...held);
          await this.deliver(ready);
        } else if (pending.length > 0 && this.source.readableLength === 0) await this.deliver(pending.splice(0));
      }
    } catch (error) {
      await this.fail(error);
    }
  }

  private async fail(error: unknown): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    await this.source.unsubscribe().catch(() => undefined);
    this.options.onError?.(error);
  }

  private async deliver(batch: RecordedEvent[]): Promise<void> {
    await this.handler(batch);
    const last = batch[batch.length - 1];
    if (last) this.current = last.position;
  }
}
