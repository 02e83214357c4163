import { Inject, Injectable } from '@nestjs/common';
import { CALENDAR_ID_PATTERN, defaultCalendars, type BusinessCalendar } from '@collab/business-calendar';
import { DATABASE, type Database } from '@collab/service-kit';
import type { BusinessCalendars } from '../workflow.ports';
import { BUSINESS_CALENDAR_DDL } from './intake-calendars/business-calendar.table';

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
  private table: Promise<void> | undefined;

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * Creates the table once per process, for whichever comes first: the consumer filling it or a
   * feature asking for a calendar (bootstrap hooks run side by side).
   */
  ensureTable(): Promise<void> {
    this.table ??= (async () => {
      await this.database.pool.query('create schema if not exists workflow');
      for (const ddl of BUSINESS_CALENDAR_DDL) await this.database.pool.query(ddl);
    })().catch((error: unknown) => {
      this.table = undefined; // the next caller tries again
      throw error;
    });
    return this.table;
  }

  async calendar(calendarId: string): Promise<BusinessCalendar | undefined> {
    if (!CALENDAR_ID_PATTERN.test(calendarId)) return undefined;
    await this.ensureTable();
    const { rows } = await this.database.pool.query<CalendarRow>(
      'select definition from workflow.business_calendar where id = $1',
      [calendarId],
    );
    return knownCalendar(calendarId, rows[0]?.definition);
  }
}
