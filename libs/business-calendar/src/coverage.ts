import { DateTime } from 'luxon';
import type { BusinessCalendar } from './business-calendar';

/** How long before a calendar's announced data runs out its administrators are told (CalendarCoverageEnding). */
export const COVERAGE_WARNING_DAYS = 60;

/**
 * Whether a promise was counted on everything the calendar will know. `complete: false` means
 * part of it was counted on days after `announcedThrough`: there only the rule-based holidays and
 * the weekly hours are known, and a holiday announced later (a lunar holiday, a 调休) may move it.
 */
export interface CalendarCoverage {
  readonly complete: boolean;
  /** The last date the announced holidays cover; absent for a calendar of rules only (nothing to announce). */
  readonly announcedThrough?: string;
  /** Said in words when incomplete, naming the calendar. */
  readonly warning?: string;
}

const localDateOf = (instant: Date, timeZone: string): string =>
  DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';

/**
 * The coverage of a promise whose deadlines are `deadlines`: complete when each falls on or before
 * the calendar's `announcedThrough` (local date in the calendar's zone), or when the calendar is
 * rules only. A deadline's business time was counted from arrival up to it, so the latest one decides.
 */
export const coverageOf = (calendar: BusinessCalendar, deadlines: readonly Date[]): CalendarCoverage => {
  const { announcedThrough } = calendar;
  if (announcedThrough === undefined) return { complete: true };
  const beyond = deadlines.some((deadline) => localDateOf(deadline, calendar.timeZone) > announcedThrough);
  if (!beyond) return { complete: true, announcedThrough };
  return {
    complete: false,
    announcedThrough,
    warning:
      `calendar ${calendar.id} has announced holidays only through ${announcedThrough}: after that it knows ` +
      'its rule-based holidays alone, so this promise may move when the next year’s holidays are announced',
  };
};

/**
 * When a calendar's administrators are to be told that its announced data is running out: the
 * start of the local day COVERAGE_WARNING_DAYS before the first day it no longer covers. Undefined
 * for a calendar of rules only.
 */
export const coverageWarningAt = (calendar: BusinessCalendar): Date | undefined => {
  if (calendar.announcedThrough === undefined) return undefined;
  return DateTime.fromISO(calendar.announcedThrough, { zone: calendar.timeZone })
    .plus({ days: 1 - COVERAGE_WARNING_DAYS })
    .startOf('day')
    .toJSDate();
};

/** The first instant the calendar's announced data no longer covers (midnight after `announcedThrough`). */
export const coverageEndsAt = (calendar: BusinessCalendar): Date | undefined =>
  calendar.announcedThrough === undefined
    ? undefined
    : DateTime.fromISO(calendar.announcedThrough, { zone: calendar.timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
