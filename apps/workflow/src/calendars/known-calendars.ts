import { Inject, Injectable } from '@nestjs/common';
import { CALENDAR_ID_PATTERN, defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import { BriefMemory, DATABASE, type Database } from '@collab/service-kit';
import type { BusinessCalendars } from '../workflow.ports';

interface CalendarRow {
  readonly definition: BusinessCalendar;
}

const DEFAULTS = new Map(defaultCalendars().map((calendar) => [calendar.id, calendar]));

/**
 * A calendar as workflow knows it, given its stored definition (if intake's event has arrived):
 * that definition, else a default calendar of that id; nothing for an id that cannot name one.
 */
export const knownCalendar = (calendarId: string, stored: BusinessCalendar | undefined): BusinessCalendar | undefined =>
  CALENDAR_ID_PATTERN.test(calendarId) ? (stored ?? DEFAULTS.get(calendarId)) : undefined;

/**
 * The calendars workflow counts business time on (BUSINESS_CALENDARS): intake's, as its events
 * delivered them. Until intake's first CalendarDefined for a default calendar has arrived (a new
 * installation's first moments), the default's own definition answers: intake seeds exactly it,
 * and any later revision arrives as an event and takes over.
 */
@Injectable()
export class KnownCalendars implements BusinessCalendars {
  // One contact's routing, SLA clocks and legs ask for the same calendar several times in a moment.
  private readonly memory = new BriefMemory<string, BusinessCalendar | undefined>();

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  calendar(calendarId: string): Promise<BusinessCalendar | undefined> {
    if (!CALENDAR_ID_PATTERN.test(calendarId)) return Promise.resolve(undefined);
    return this.memory.lookUp(calendarId, async () => {
      const { rows } = await this.database.pool.query<CalendarRow>('select definition from workflow.business_calendar where id = $1', [calendarId]);
      return knownCalendar(calendarId, rows[0]?.definition);
    });
  }

  /** A calendar event was applied here: the next look-up reads it. */
  changed(calendarId: string): void {
    this.memory.forget(calendarId);
  }
}
