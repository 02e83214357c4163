import { addBusinessTime, businessTimeBetween, type BusinessCalendar } from '@collab/business-calendar';
import { DEFAULT_PROCESS_DEFINITION } from '../process/default-process';
import type { EscalationPolicy } from '../process/process-definition';
import type { ScheduledEscalation } from './sla.events';

/**
 * For the task clocks of a case that started without a process (routed before processes
 * existed): the default process's policy, as such a case would get today.
 */
export const DEFAULT_SLA_ESCALATION: EscalationPolicy = DEFAULT_PROCESS_DEFINITION.escalation;

/** What a clock measures: `targetMinutes` of business time on `calendar` from `startedAt`, due at `dueAt`. */
export interface ClockSpan {
  readonly startedAt: Date;
  readonly dueAt: Date;
  readonly targetMinutes: number;
  /** Null: count calendar time between start and due (a quiet period, or a calendar workflow does not know). */
  readonly calendar: BusinessCalendar | null;
  /** The case's priority: on-call shifts count as business time for the priorities they cover. */
  readonly priority?: string;
}

const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);
const earlier = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);

/**
 * The instant `percent` % of the clock's target has elapsed. In business time on the clock's
 * calendar, so a 60-minute SLA started at 16:30 on a 9–17 desk warns at 80 % the next working
 * morning, not at 17:18. 100 % is the due time itself, as whoever started the work promised it.
 */
export const instantAtPercent = (span: ClockSpan, percent: number): Date => {
  if (percent === 100) return span.dueAt;
  const reached = span.calendar
    ? addBusinessTime(
        span.calendar,
        span.startedAt,
        (span.targetMinutes * percent) / 100,
        span.priority === undefined ? {} : { priority: span.priority },
      )
    : new Date(
        span.startedAt.getTime() + ((span.dueAt.getTime() - span.startedAt.getTime()) * percent) / 100,
      );
  // The due time may have been worked out with other options (another priority's on-call hours):
  // an instant before 100 % never falls after it, one beyond 100 % never before it.
  return percent < 100 ? earlier(reached, span.dueAt) : later(reached, span.dueAt);
};

export interface ClockInstants {
  readonly warnAt: string | null;
  readonly warnAtPercent: number | null;
  readonly escalations: readonly ScheduledEscalation[];
}

/** The warning (only below 100 %: at 100 % the breach says it) and every escalation level, in level order. */
export const clockInstants = (span: ClockSpan, policy: EscalationPolicy): ClockInstants => {
  const warns = policy.warnAtPercent > 0 && policy.warnAtPercent < 100;
  return {
    warnAt: warns ? instantAtPercent(span, policy.warnAtPercent).toISOString() : null,
    warnAtPercent: warns ? policy.warnAtPercent : null,
    escalations: [...policy.levels]
      .sort((a, b) => a.level - b.level)
      .map((level) => ({
        level: level.level,
        atPercent: level.atPercent,
        notify: level.notify,
        at: instantAtPercent(span, level.atPercent).toISOString(),
      })),
  };
};

/** How much of a clock is used at an instant, on the clock's own calendar. */
export interface ClockUsage {
  /** Share of the target used: 0 until a business minute has passed, 100 at the due time, more when late. */
  readonly percentUsed: number;
  /** Business minutes left until the due time on the clock's calendar; negative once late (minutes past due). */
  readonly businessMinutesLeft: number;
}

const MS_PER_MINUTE = 60_000;

/**
 * The reading of a clock at `now`, measured as its timers are (instantAtPercent is its inverse):
 * in business time on its calendar, so a Friday-evening clock is at 0 % through the weekend, and
 * halfway through its hour at Monday 09:30 — not at 95 % by the wall clock. A clock without a
 * calendar counts calendar time. The due time that was promised decides which side of 100 % it is.
 */
export const clockUsageAt = (span: ClockSpan, now: Date): ClockUsage => {
  const options = span.priority === undefined ? {} : { priority: span.priority };
  const late = now.getTime() >= span.dueAt.getTime();
  const [from, to] = late ? [span.dueAt, now] : [span.startedAt, now];
  const measured = span.calendar
    ? businessTimeBetween(span.calendar, from, to, options)
    : Math.max(0, to.getTime() - from.getTime()) / MS_PER_MINUTE;
  const used = late ? span.targetMinutes + measured : Math.min(measured, span.targetMinutes);
  const percent = span.targetMinutes <= 0 ? 100 : Math.round((used / span.targetMinutes) * 100);
  return {
    percentUsed: late ? Math.max(percent, 100) : Math.min(percent, 99),
    businessMinutesLeft: Math.round((span.targetMinutes - used) * 10) / 10,
  };
};
