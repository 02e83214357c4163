import { DomainError, ValidationFailed } from '@collab/domain-kernel';
import type { BusinessCalendar, BusinessTimeOptions } from './business-calendar';
import { daysAfter, localDayOf } from './local-time';
import { spansFrom } from './working-spans';

/** How far ahead a search for working time looks before it gives up. */
export const SEARCH_HORIZON_DAYS = 400;
/** The longest stretch whose business time is measured (about ten years). */
export const MEASURE_HORIZON_DAYS = 3660;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

/** The calendar offers too little working time within the horizon to answer. */
export class BeyondCalendarHorizon extends DomainError {
  override readonly name = 'BeyondCalendarHorizon';
  readonly code = 'beyond-calendar-horizon';
  constructor(
    readonly calendarId: string,
    what: string,
    days: number,
  ) {
    super(`calendar ${calendarId}: ${what} is more than ${days} days away`);
  }
}

const instantOf = (value: Date, field: string): number => {
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new ValidationFailed([{ field, message: 'must be a valid instant' }]);
  return ms;
};

const searchFrom = (calendar: BusinessCalendar, from: number) => ({
  from,
  lastDay: daysAfter(localDayOf(from, calendar.timeZone), SEARCH_HORIZON_DAYS),
});

/** Whether `instant` falls in working time (for `priority`: on-call shifts count when they cover it). */
export const isWorkingTime = (
  calendar: BusinessCalendar,
  instant: Date,
  options: BusinessTimeOptions = {},
): boolean => {
  const at = instantOf(instant, 'instant');
  const first = spansFrom(calendar, options, { from: at, lastDay: localDayOf(at, calendar.timeZone) }).next();
  return !first.done && first.value[0] === at;
};

/** `instant` itself when it is working time, else the start of the next working span. */
export const nextWorkingInstant = (
  calendar: BusinessCalendar,
  instant: Date,
  options: BusinessTimeOptions = {},
): Date => {
  const first = spansFrom(calendar, options, searchFrom(calendar, instantOf(instant, 'instant'))).next();
  if (!first.done) return new Date(first.value[0]);
  throw new BeyondCalendarHorizon(calendar.id, 'the next working time', SEARCH_HORIZON_DAYS);
};

/**
 * The instant at which `minutes` of business time have passed since `start`: the end of the last
 * working minute, so a deadline can fall exactly at closing time. Zero minutes is `start` itself.
 */
export const addBusinessTime = (
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  options: BusinessTimeOptions = {},
): Date => {
  const from = instantOf(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new ValidationFailed([
      { field: 'minutes', message: 'must be a finite number of minutes, 0 or more' },
    ]);
  // Whole milliseconds, so that adding what businessTimeBetween measured lands exactly.
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  if (remaining === 0) return new Date(from);
  for (const [spanStart, spanEnd] of spansFrom(calendar, options, searchFrom(calendar, from))) {
    if (remaining <= spanEnd - spanStart) return new Date(spanStart + remaining);
    remaining -= spanEnd - spanStart;
  }
  throw new BeyondCalendarHorizon(calendar.id, `the end of ${minutes} business minutes`, SEARCH_HORIZON_DAYS);
};

/**
 * The business minutes in [from, to): how long a unit held a case in that unit's own business
 * time. Fractional when the instants are not on whole minutes; 0 when `to` is not after `from`.
 */
export const businessTimeBetween = (
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
  options: BusinessTimeOptions = {},
): number => {
  const [start, end] = [instantOf(from, 'from'), instantOf(to, 'to')];
  if (end <= start) return 0;
  if (end - start > MEASURE_HORIZON_DAYS * MS_PER_DAY)
    throw new BeyondCalendarHorizon(calendar.id, 'the end of the measured stretch', MEASURE_HORIZON_DAYS);
  let worked = 0;
  for (const [spanStart, spanEnd] of spansFrom(calendar, options, {
    from: start,
    lastDay: daysAfter(localDayOf(end, calendar.timeZone), 1),
  })) {
    if (spanStart >= end) break;
    worked += Math.min(spanEnd, end) - spanStart;
  }
  return worked / MS_PER_MINUTE;
};
