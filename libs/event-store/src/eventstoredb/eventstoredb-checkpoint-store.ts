import { ANY, BACKWARDS, END, StreamNotFoundError, type EventStoreDBClient } from '@eventstore/db-client';
import type { CheckpointStore } from '../event-store.port';

/**
 * Checkpoints as the last event of `checkpoint.<service>-<name>` (outside the store's own
 * `<service>-` prefix, so they never appear in its global log); each stream keeps one event.
 */
export class EventStoreDbCheckpointStore implements CheckpointStore {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly service: string,
  ) {}

  async load(name: string): Promise<bigint> {
    try {
      for await (const resolved of this.client.readStream(this.stream(name), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        const data = resolved.event?.data as { position?: unknown } | undefined;
        if (typeof data?.position === 'string') return BigInt(data.position);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return 0n;
  }

  async save(name: string, position: bigint): Promise<void> {
    const stream = this.stream(name);
    const result = await this.client.appendToStream(
      stream,
      {
        contentType: 'application/json',
        id: crypto.randomUUID(),
        type: 'CheckpointSaved',
        data: { position: position.toString() },
        metadata: undefined,
      },
      { expectedRevision: ANY },
    );
    if (result.nextExpectedRevision === 0n) await this.client.setStreamMetadata(stream, { maxCount: 1 });
  }

  private stream(name: string): string {
    return `checkpoint.${this.service}-${name}`;
  }
}
