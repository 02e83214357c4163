import type { BusinessCalendar } from '@collab/business-calendar';
import type { CalendarState } from '@collab/intake-domain';

/** A calendar as the API shows it: the definition itself, and its version (also its ETag). */
export interface CalendarView extends BusinessCalendar {
  /** How many definitions it has had; If-Match takes it to refuse a revision of an older one. */
  readonly version: number;
}

export const calendarViewOf = (state: CalendarState): CalendarView | undefined =>
  state.status === 'none' ? undefined : { ...state.calendar, version: state.version };

export const etagOf = (view: CalendarView): string => `"${view.version}"`;
