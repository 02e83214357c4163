import type {
  GlobalLogHandler,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import type { WakeSignal } from './wake-signal';

export interface LogSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
}

export interface FollowOptions extends SubscribeOptions {
  readonly wake: WakeSignal;
  readonly pollIntervalMs: number;
}

export const DEFAULT_SUBSCRIPTION_BATCH = 500;

/**
 * Catch-up then live over `readAll`: read a batch after the checkpoint, hand it over, repeat;
 * when the log is drained, sleep until this process commits or the poll interval passes. The
 * source guarantees order and completeness (readAll never returns an event whose predecessors
 * are not yet visible), so following it cannot skip. A failing handler or read is reported to
 * onError and ends the subscription: the owner decides whether to restart from its checkpoint.
 */
export class LogFollower implements Subscription {
  private current: bigint;
  private stopping = false;
  private readonly stopped: Promise<void>;
  private interrupt: () => void = () => undefined;

  constructor(
    private readonly source: LogSource,
    private readonly handler: GlobalLogHandler,
    private readonly options: FollowOptions,
  ) {
    this.current = options.after;
    this.stopped = this.run();
  }

  get position(): bigint {
    return this.current;
  }

  /** Waits for the handler call in flight, so awaiting it from inside the handler never resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.interrupt();
    await this.stopped;
  }

  private async run(): Promise<void> {
    const maxCount = this.options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH;
    try {
      while (!this.stopping) {
        const seen = this.options.wake.seen;
        const batch = await this.source.readAll({ after: this.current, maxCount });
        if (this.stopping) return;
        if (batch.length > 0) await this.deliver(batch);
        if (batch.length < maxCount) await this.idle(seen);
      }
    } catch (error) {
      this.stopping = true;
      this.options.onError?.(error);
    }
  }

  private async deliver(batch: RecordedEvent[]): Promise<void> {
    await this.handler(batch);
    const last = batch[batch.length - 1];
    if (last) this.current = last.position;
  }

  private async idle(seen: number): Promise<void> {
    if (this.stopping) return;
    const interrupted = new Promise<void>((resolve) => (this.interrupt = resolve));
    await Promise.race([this.options.wake.wait(this.options.pollIntervalMs, seen), interrupted]);
  }
}
