import type { BusinessCalendar } from '@collab/business-calendar';
import { clockUsageAt } from '@collab/workflow-domain';
import type { SlaClockReading, SlaClockStatus } from '../../sla/sla.providers';

/** Where an item stands against its most urgent running SLA clock. */
export interface WorkCountdown {
  /** `case:response`, `task:<id>:complete`, …; or `due` when only the promised due time is known. */
  readonly clockKey: string;
  readonly status: SlaClockStatus | 'DUE';
  readonly dueAt: string;
  /** Wall-clock seconds until the due instant; negative once overdue. */
  readonly secondsToDue: number;
  /** Business minutes left on the clock's own calendar (what the SLA counts); negative once overdue. */
  readonly businessMinutesLeft: number;
  /** Share of the SLA used in business time on the clock's calendar (0 over a weekend, 100 at the due time, more when late). */
  readonly percentUsed: number;
  readonly escalationLevel: number;
}

/** One case or collaboration task on the caller's desk. */
export interface WorkItem {
  readonly kind: 'CASE' | 'TASK';
  readonly id: string;
  readonly caseId: string;
  readonly caseNumber: string | null;
  /** Why it is the caller's: they own it, it waits in their unit's queue, it is addressed to their unit or partner, or they asked for it. */
  readonly why: 'OWNER' | 'UNIT_QUEUE' | 'ADDRESSED_TO_UNIT' | 'REQUESTED_BY_ME';
  readonly status: string;
  readonly title: string;
  /** The case's priority; a task has its case's. */
  readonly priority: string | null;
  /** How often a task was urged (催办); null for a case. */
  readonly urgeCount: number | null;
  readonly queueOrUnit: string;
  readonly since: string;
  /** Null when no clock runs (nothing is promised). */
  readonly countdown: WorkCountdown | null;
}

/** The calendars the clocks count on, by id; a clock on a calendar workflow does not know counts calendar time. */
export type CalendarsById = ReadonlyMap<string, BusinessCalendar>;

/** What a countdown measures: a target in business minutes on a calendar, from a start to a due time. */
interface Measured {
  readonly clockKey: string;
  readonly status: WorkCountdown['status'];
  readonly startedAt: string;
  readonly dueAt: string;
  readonly targetMinutes: number;
  readonly calendarId: string | null;
  readonly escalationLevel: number;
}

const countdownOf = (clock: Measured, calendars: CalendarsById, priority: string | null, now: Date): WorkCountdown => {
  const calendar = clock.calendarId === null ? null : (calendars.get(clock.calendarId) ?? null);
  const usage = clockUsageAt(
    { startedAt: new Date(clock.startedAt), dueAt: new Date(clock.dueAt), targetMinutes: clock.targetMinutes, calendar, ...(priority === null ? {} : { priority }) },
    now,
  );
  return {
    clockKey: clock.clockKey,
    status: clock.status,
    dueAt: clock.dueAt,
    secondsToDue: Math.floor((Date.parse(clock.dueAt) - now.getTime()) / 1000),
    ...usage,
    escalationLevel: clock.escalationLevel,
  };
};

/** The running clock closest to its due time; stopped clocks say nothing about risk. */
export const mostUrgentClock = (clocks: readonly SlaClockReading[], calendars: CalendarsById, priority: string | null, now: Date): WorkCountdown | null => {
  const running = clocks.filter((clock) => clock.secondsToDue !== null && clock.clockKey !== 'case:auto-close');
  const urgent = running.sort((a, b) => a.secondsToDue! - b.secondsToDue!)[0];
  return urgent ? countdownOf(urgent, calendars, priority, now) : null;
};

/** A countdown from a promised due time alone, for work whose clocks have not been recorded (yet). */
export const countdownToDue = (
  due: { readonly startedAt: Date; readonly dueAt: Date | null; readonly targetMinutes: number | null; readonly calendarId: string | null },
  calendars: CalendarsById,
  priority: string | null,
  now: Date,
): WorkCountdown | null => {
  if (due.dueAt === null) return null;
  // Without a target the share is counted on the wall clock between start and due.
  const wallMinutes = (due.dueAt.getTime() - due.startedAt.getTime()) / 60_000;
  const measured = due.targetMinutes === null ? { targetMinutes: wallMinutes, calendarId: null } : { targetMinutes: due.targetMinutes, calendarId: due.calendarId };
  return countdownOf(
    { clockKey: 'due', status: 'DUE', startedAt: due.startedAt.toISOString(), dueAt: due.dueAt.toISOString(), escalationLevel: 0, ...measured },
    calendars,
    priority,
    now,
  );
};

/**
 * By SLA risk: the larger share of its SLA an item has used, the higher it comes (overdue first,
 * the most overdue at the top); items with no clock last, oldest first.
 */
export const bySlaRisk = (a: WorkItem, b: WorkItem): number => {
  if (a.countdown && b.countdown) return b.countdown.percentUsed - a.countdown.percentUsed || a.countdown.secondsToDue - b.countdown.secondsToDue;
  if (a.countdown || b.countdown) return a.countdown ? -1 : 1;
  return a.since.localeCompare(b.since);
};
