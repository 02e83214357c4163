import type { BusinessCalendar } from '@collab/business-calendar';

/**
 * The public shapes of intake's CalendarDefined and CalendarRevised, v1 and v2
 * (libs/contracts/schemas/intake/Calendar*.v*.schema.json): each carries the whole definition,
 * so the latest one received is the calendar (ADR 0006). Workflow reads them here and only here.
 */
export const CALENDAR_EVENT_TYPES = new Set([
  'collab.intake.CalendarDefined.v1',
  'collab.intake.CalendarRevised.v1',
  // v2 only adds optional fields to the definition (holidayRules, announcedThrough): read the same way.
  'collab.intake.CalendarDefined.v2',
  'collab.intake.CalendarRevised.v2',
]);

export interface CalendarChangedV1 {
  readonly calendar: BusinessCalendar;
  readonly definedAt?: string;
  readonly revisedAt?: string;
}

/** When the definition took effect: its definition or its revision. */
export const changedAtOf = (data: CalendarChangedV1, fallback: string): string =>
  data.revisedAt ?? data.definedAt ?? fallback;
