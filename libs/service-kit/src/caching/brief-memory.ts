/** How long a looked-up row answers from memory by default: well inside the delay with which other replicas' writes arrive anyway. */
export const BRIEF_MEMORY_MS = 1_000;

interface Remembered<Value> {
  readonly value: Promise<Value>;
  readonly until: number;
}

/**
 * Remembers look-ups of small, rarely changing rows (calendars, the active processes) for a moment,
 * so the several decisions one contact makes read them once rather than once each. A write made in
 * this process forgets its key at once; a write by another replica is seen within `ttlMs`, the same
 * order of delay as the event that carried it across. Concurrent look-ups of a key share one read,
 * and a read that began before a `forget` is not remembered, so it cannot bring back what was forgotten.
 */
export class BriefMemory<Key, Value> {
  private readonly remembered = new Map<Key, Remembered<Value>>();
  private generation = 0;

  constructor(
    private readonly ttlMs = BRIEF_MEMORY_MS,
    private readonly now: () => number = Date.now,
  ) {}

  lookUp(key: Key, read: () => Promise<Value>): Promise<Value> {
    const hit = this.remembered.get(key);
    if (hit && hit.until > this.now()) return hit.value;
    const generation = this.generation;
    const value = read();
    const entry = { value, until: this.now() + this.ttlMs };
    this.remembered.set(key, entry);
    const drop = (): void => {
      if (this.remembered.get(key) === entry) this.remembered.delete(key);
    };
    value.then(() => {
      if (generation !== this.generation) drop();
    }, drop);
    return value;
  }

  /** A write in this process changed what `key` (or, without one, every key) reads. */
  forget(key?: Key): void {
    this.generation += 1;
    if (key === undefined) this.remembered.clear();
    else this.remembered.delete(key);
  }
}
