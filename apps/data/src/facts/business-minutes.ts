import { businessTimeBetween, defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';

const CALENDARS = new Map<string, BusinessCalendar>(defaultCalendars().map((calendar) => [calendar.id, calendar]));
const FALLBACK = 'cn-standard';

/** Calendar minutes between two instants, to two decimals. */
export const calendarMinutes = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 600) / 100;

/**
 * Business minutes between two instants on the named calendar (the default calendars; a calendar the
 * data service does not know counts on cn-standard). Null when the stretch is beyond the calendar's horizon.
 */
export const businessMinutes = (calendarId: string | null | undefined, from: string, to: string): number | null => {
  const calendar = CALENDARS.get(calendarId ?? FALLBACK) ?? CALENDARS.get(FALLBACK)!;
  try {
    return Math.round(businessTimeBetween(calendar, new Date(from), new Date(to)) * 100) / 100;
  } catch {
    return null;
  }
};
