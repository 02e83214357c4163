/**
 * Wakes log followers the moment this process commits, so a live subscriber does not wait for
 * its next poll to see its own process's writes. Writes by other processes are found by polling.
 */
export class WakeSignal {
  private waiters: (() => void)[] = [];
  /** Bumped by every notify, so a waiter can tell it missed one while it was busy reading. */
  private generation = 0;

  get seen(): number {
    return this.generation;
  }

  notify(): void {
    this.generation += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves on the next notify() after generation `since`, or after `timeoutMs`, whichever comes first. */
  wait(timeoutMs: number, since: number): Promise<void> {
    if (since !== this.generation) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.push(done);
    });
  }
}
