import type {
  AppendResult,
  CheckpointStore,
  EventStore,
  GlobalLogHandler,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '@collab/event-store';

/**
 * A small stand-in for the event store port, enough for messaging tests: appends without version
 * checks, a gap-free global log, and catch-up + live subscriptions that stop on a handler error
 * (as the port promises). The real adapters are tested in libs/event-store.
 */
export class FakeEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly followers = new Set<Subscription>();

  append(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    let version = this.log.filter((event) => event.streamId === streamId).length;
    for (const event of events) {
      version += 1;
      this.log.push({ ...event, streamId, streamVersion: version, position: BigInt(this.log.length + 1), recordedAt: new Date() });
    }
    return Promise.resolve({ nextExpectedVersion: version, lastPosition: BigInt(this.log.length) });
  }

  readStream(streamId: string): Promise<RecordedEvent[]> {
    return Promise.resolve(this.log.filter((event) => event.streamId === streamId));
  }

  readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    return Promise.resolve(this.log.slice(Number(after), Number(after) + maxCount));
  }

  headPosition(): Promise<bigint> {
    return Promise.resolve(BigInt(this.log.length));
  }

  subscribeToAll(handler: GlobalLogHandler, options: SubscribeOptions): Subscription {
    let position = options.after;
    let stopping = false;
    const run = async (): Promise<void> => {
      try {
        while (!stopping) {
          const batch = await this.readAll({ after: position, maxCount: options.batchSize ?? 100 });
          if (batch.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
          else {
            await handler(batch);
            position = batch[batch.length - 1]!.position;
          }
        }
      } catch (error) {
        options.onError?.(error);
      }
    };
    const running = run();
    const subscription: Subscription = {
      get position() {
        return position;
      },
      stop: async () => {
        stopping = true;
        this.followers.delete(subscription);
        await running;
      },
    };
    this.followers.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.followers].map((follower) => follower.stop()));
  }
}

/** Checkpoints in memory; `failNextSaves` simulates a database outage. */
export class FakeCheckpointStore implements CheckpointStore {
  readonly positions = new Map<string, bigint>();
  readonly saves: { name: string; position: bigint }[] = [];
  private failures = 0;

  failNextSaves(count: number): void {
    this.failures = count;
  }

  load(name: string): Promise<bigint> {
    return Promise.resolve(this.positions.get(name) ?? 0n);
  }

  save(name: string, position: bigint): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new Error('checkpoint store unavailable'));
    }
    this.positions.set(name, position);
    this.saves.push({ name, position });
    return Promise.resolve();
  }
}
