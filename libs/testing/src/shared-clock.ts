import { renameSync, writeFileSync } from 'node:fs';
import { MovableClock } from './movable-clock';

/**
 * A MovableClock that the service processes a test spawns tell too: pass `env` (CLOCK_FILE) to
 * them, and every move is written to the file their FileClock (@collab/service-kit) reads, so all
 * of them and the test agree on the time within a few tens of milliseconds. Written whole, by
 * rename, so a reader never sees half an offset.
 */
export class SharedClock extends MovableClock {
  constructor(
    start: Date | string,
    private readonly file: string,
  ) {
    super(start);
    this.moved();
  }

  /** The setting that makes a spawned process (under NODE_ENV=test) read this clock. */
  get env(): Readonly<Record<string, string>> {
    return { CLOCK_FILE: this.file };
  }

  protected override moved(): void {
    writeFileSync(`${this.file}.next`, String(Math.round(this.offsetMs)));
    renameSync(`${this.file}.next`, this.file);
  }
}
