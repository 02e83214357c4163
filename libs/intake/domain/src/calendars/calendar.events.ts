import type { BusinessCalendar } from '@collab/business-calendar';

/**
 * A business calendar was defined. The event carries the whole validated definition, so a
 * subscriber (workflow's SLA timers among them) counts business time on exactly the definition
 * intake promised with: one definition, not two.
 */
export interface CalendarDefined {
  readonly type: 'CalendarDefined';
  readonly data: { readonly calendar: BusinessCalendar; readonly definedAt: string };
}

/**
 * The calendar's definition was replaced. It carries the whole new definition, not what changed,
 * so a subscriber never has to merge (and can never merge wrongly) to know the calendar.
 */
export interface CalendarRevised {
  readonly type: 'CalendarRevised';
  readonly data: { readonly calendar: BusinessCalendar; readonly revisedAt: string };
}

export type CalendarEvent = CalendarDefined | CalendarRevised;

export const CALENDAR_EVENT_TYPES: readonly CalendarEvent['type'][] = ['CalendarDefined', 'CalendarRevised'];
