import type { RecordedEvent } from '@collab/event-store';

/**
 * The recent part of a log as one contiguous run: every event with base < position ≤ tail, in
 * order. Contiguous because it only grows by reads that start exactly at its tail, and only loses
 * events from its front; so "after p" is answered from here exactly when base ≤ p ≤ tail.
 */
export class RecentWindow {
  private events: RecordedEvent[] = [];
  private start = 0n;
  private end = 0n;
  private empty = true;

  constructor(private readonly capacity: number) {}

  isEmpty(): boolean {
    return this.empty;
  }

  get tail(): bigint {
    return this.end;
  }

  /** Events after `position`, at most `max`; undefined when the window does not cover it. */
  after(position: bigint, max: number): RecordedEvent[] | undefined {
    if (this.empty || position < this.start || position > this.end) return undefined;
    const from = this.firstAfter(position);
    return this.events.slice(from, from + max);
  }

  /** Adds what a read starting at `after` returned; a read from elsewhere restarts the window. */
  extend(after: bigint, read: readonly RecordedEvent[]): void {
    if (this.empty || after !== this.end) {
      this.events = [];
      this.start = after;
      this.end = after;
      this.empty = false;
    }
    if (read.length === 0) return;
    this.events.push(...read);
    this.end = read[read.length - 1]!.position;
    this.trim();
  }

  private trim(): void {
    const excess = this.events.length - this.capacity;
    if (excess <= 0) return;
    this.start = this.events[excess - 1]!.position;
    this.events = this.events.slice(excess);
  }

  /** Index of the first event whose position is greater than `position` (binary search). */
  private firstAfter(position: bigint): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.events[middle]!.position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
