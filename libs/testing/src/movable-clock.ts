/**
 * A clock a test sets and moves, so no test depends on the day or hour it runs. It starts at the
 * instant the test names — past or future — and runs on in real time from there; moving it forward
 * crosses join windows, business hours and SLA due times without waiting. (Structurally a
 * `Clock` of the service kit: it only has `now()`.)
 */
export class MovableClock {
  protected offsetMs: number;

  constructor(start: Date | string) {
    const instant = typeof start === 'string' ? new Date(start) : start;
    if (Number.isNaN(instant.getTime())) throw new Error(`MovableClock: ${String(start)} is not an instant`);
    this.offsetMs = instant.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceMinutes(minutes: number): void {
    if (minutes < 0) throw new Error(`MovableClock moves forward only (asked ${minutes} minutes)`);
    this.offsetMs += minutes * 60_000;
    this.moved();
  }

  /**
   * Moves the clock forward to `instant`. Asking for an instant already passed fails loudly: a
   * clock that silently stayed put is how a test comes to depend on the date it runs.
   */
  advanceTo(instant: Date | string): void {
    const target = typeof instant === 'string' ? new Date(instant) : instant;
    const gap = target.getTime() - this.now().getTime();
    if (gap < -1_000) throw new Error(`MovableClock is at ${this.now().toISOString()}, past ${target.toISOString()}; start it earlier`);
    this.offsetMs += Math.max(0, gap);
    this.moved();
  }

  /** Called after every move; a clock shared with other processes tells them here. */
  protected moved(): void {}
}

/**
 * Where platform tests start unless they say otherwise: Monday 30 November 2026, 10:00 in Shanghai
 * (02:00 UTC), inside the default calendars' business hours and the years their holidays cover.
 */
export const TEST_MONDAY_MORNING = '2026-11-30T02:00:00.000Z';
