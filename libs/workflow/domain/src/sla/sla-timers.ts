import type { ClockRun } from './sla.commands';
import type { SlaClockStarted } from './sla.events';
import type { SlaState } from './sla.state';

/*
 * The durable timers a started clock needs: the app stores them when it sees SlaClockStarted and
 * fires each when due. Whether a due timer still has something to say is decided here, from the
 * case's SLA stream alone, so firing twice or after the clock stopped records nothing.
 */

export type SlaTimerKind = 'WARN' | 'BREACH' | 'ESCALATE' | 'AUTO_CLOSE';

export interface SlaTimer {
  readonly kind: SlaTimerKind;
  /** The escalation level; 0 for the other kinds. */
  readonly level: number;
  readonly dueAt: string;
}

/** The quiet period only closes the case; every other clock warns, breaches and escalates. */
export const timersOf = (clock: SlaClockStarted['data']): SlaTimer[] => {
  if (clock.clockKey === 'case:auto-close') return [{ kind: 'AUTO_CLOSE', level: 0, dueAt: clock.dueAt }];
  return [
    ...(clock.warnAt === null ? [] : [{ kind: 'WARN' as const, level: 0, dueAt: clock.warnAt }]),
    { kind: 'BREACH', level: 0, dueAt: clock.dueAt },
    ...clock.escalations.map((escalation) => ({ kind: 'ESCALATE' as const, level: escalation.level, dueAt: escalation.at })),
  ];
};

/**
 * What a timer finds when it fires:
 * - `due`: record it (or, for AUTO_CLOSE, close the case);
 * - `not-yet-due`: the timer's instant is still ahead by this clock (another process's clock ran ahead);
 * - `already-recorded`: an earlier firing recorded it (a crash before the timer was marked fired);
 * - `clock-stopped`: the work was done first, or the clock restarted since (`startedAt` differs);
 *   the timer is cancelled, never fired.
 */
export type TimerStanding = 'due' | 'not-yet-due' | 'already-recorded' | 'clock-stopped';

export interface TimerRef extends ClockRun {
  readonly kind: SlaTimerKind;
  readonly level: number;
}

const instantOf = (state: SlaState, timer: TimerRef): { at: string | null; recorded: boolean } => {
  const clock = state.clocks[timer.clockKey];
  if (!clock) return { at: null, recorded: false };
  switch (timer.kind) {
    case 'WARN':
      return { at: clock.warnAt, recorded: clock.warnedAt !== null };
    case 'BREACH':
      return { at: clock.dueAt, recorded: clock.breachedAt !== null };
    case 'ESCALATE':
      return {
        at: clock.escalations.find((escalation) => escalation.level === timer.level)?.at ?? null,
        recorded: clock.escalatedLevels.includes(timer.level),
      };
    case 'AUTO_CLOSE':
      return { at: clock.dueAt, recorded: false };
  }
};

export const timerStanding = (state: SlaState, timer: TimerRef, now: Date): TimerStanding => {
  const clock = state.clocks[timer.clockKey];
  if (!clock || clock.startedAt !== timer.startedAt) return 'clock-stopped';
  const { at, recorded } = instantOf(state, timer);
  if (recorded) return 'already-recorded';
  if (clock.stopped !== null || at === null) return 'clock-stopped';
  return Date.parse(at) <= now.getTime() ? 'due' : 'not-yet-due';
};
