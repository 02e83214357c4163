import { DateTime } from 'luxon';
import type { BusinessCalendar, WeeklyHours, WorkingInterval } from './business-calendar';
import { validateCalendar, type BusinessCalendarInput } from './calendar.validation';
import { defaultCalendars } from './default-calendars';

/** Test fixtures in business words; not exported from the library. */

export const mondayToFriday = (...hours: WorkingInterval[]): WeeklyHours => ({
  1: hours,
  2: hours,
  3: hours,
  4: hours,
  5: hours,
});

/** A 9–17 desk in Shanghai, Monday to Friday, no lunch break, no on-call, unless overridden. */
export const nineToFiveDesk = (overrides: Partial<BusinessCalendarInput> = {}): BusinessCalendar =>
  validateCalendar({
    id: 'nine-to-five',
    name: '9–17 desk',
    timeZone: 'Asia/Shanghai',
    weeklyHours: mondayToFriday({ start: '09:00', end: '17:00' }),
    ...overrides,
  });

export const defaultCalendar = (id: 'cn-standard' | 'fi-standard' | '24x7'): BusinessCalendar => {
  const found = defaultCalendars().find((calendar) => calendar.id === id);
  if (!found) throw new Error(`no default calendar ${id}`);
  return found;
};

/** A wall-clock time in a zone, e.g. `at('2026-06-12T22:00', 'Asia/Shanghai')`. */
export const at = (localTime: string, timeZone: string): Date =>
  DateTime.fromISO(localTime, { zone: timeZone }).toJSDate();

/** An instant shown as wall-clock time with its weekday, for readable expectations: `Mon 2026-06-15 13:00`. */
export const wallClock = (instant: Date, timeZone: string): string =>
  DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en').toFormat('ccc yyyy-LL-dd HH:mm');
