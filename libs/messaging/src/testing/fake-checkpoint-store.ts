import type { CheckpointStore } from '@collab/event-store';

/** Checkpoints in memory, inspectable, and able to fail like a database that went away. */
export class FakeCheckpointStore implements CheckpointStore {
  readonly positions = new Map<string, bigint>();
  private failures = 0;

  /** The next `count` saves reject, as during a database outage. */
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
    return Promise.resolve();
  }
}
