import { readFileSync } from 'node:fs';
import type { Clock } from '../tokens';
import { testHooksAllowed } from './test-hooks';

/** How stale a read of the clock file may be: a move reaches every process within this. */
const REREAD_MS = 20;

/**
 * A movable clock shared by the processes a test spawns: the file holds an offset in milliseconds
 * from this machine's clock, written by the test (`SharedClock` in @collab/testing) whenever it
 * moves time. Every process that reads the same file tells the same time, so SLA timers fall due
 * when the test says and not by the date or hour the test runs.
 */
export class FileClock implements Clock {
  private offsetMs = 0;
  private readAt = 0;

  constructor(private readonly file: string) {
    this.reread();
  }

  now(): Date {
    if (Date.now() - this.readAt >= REREAD_MS) this.reread();
    return new Date(Date.now() + this.offsetMs);
  }

  private reread(): void {
    this.readAt = Date.now();
    try {
      const text = readFileSync(this.file, 'utf8').trim();
      if (/^-?\d+$/.test(text)) this.offsetMs = Number(text);
    } catch {
      // Being rewritten this instant: keep the last offset read.
    }
  }
}

/** CLOCK_FILE's clock under NODE_ENV=test; otherwise undefined (the system clock). */
export const clockFromEnvironment = (env: NodeJS.ProcessEnv = process.env): Clock | undefined => {
  const file = env['CLOCK_FILE']?.trim();
  return file && testHooksAllowed(env) ? new FileClock(file) : undefined;
};
