import { Inject, Injectable } from '@nestjs/common';
import { CALENDAR_ID_PATTERN, type BusinessCalendar } from '@collab/business-calendar';
import { AggregateStreams, type EventStore } from '@collab/event-store';
import {
  calendarDecider,
  calendarStreamId,
  type CalendarCommand,
  type CalendarEvent,
  type CalendarState,
} from '@collab/intake-domain';
import type { DecisionContext } from '@collab/domain-kernel';
import { EVENT_STORE, ValidationFailed } from '@collab/service-kit';
import type { CalendarLookup } from '../intake.ports';
import { calendarViewOf, type CalendarView } from './calendar-view/calendar-view';

/**
 * The calendars intake counts business time on (CALENDAR_LOOKUP). It folds the calendar's own
 * stream, not the list's read model: that follows the log a moment behind, and a contact arriving
 * right after an administrator revised a calendar must be promised times on the revision.
 */
@Injectable()
export class CalendarDirectory implements CalendarLookup {
  private readonly calendars: AggregateStreams<
    CalendarCommand,
    CalendarEvent,
    CalendarState,
    DecisionContext
  >;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.calendars = new AggregateStreams(store, calendarDecider);
  }

  async find(calendarId: string): Promise<CalendarView | undefined> {
    if (!CALENDAR_ID_PATTERN.test(calendarId)) return undefined;
    const { state } = await this.calendars.load(calendarStreamId(calendarId));
    return calendarViewOf(state);
  }

  async require(calendarId: string): Promise<BusinessCalendar> {
    const found = await this.find(calendarId);
    if (!found)
      throw new ValidationFailed([{ field: 'calendarId', message: `unknown calendar "${calendarId}"` }]);
    const { version: _version, ...calendar } = found;
    return calendar;
  }
}
