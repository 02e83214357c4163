import { Injectable } from '@nestjs/common';
import { CALENDAR_ID_PATTERN, type BusinessCalendar } from '@collab/business-calendar';
import { calendarStreamId } from '@collab/intake-domain';
import { ValidationFailed } from '@collab/service-kit';
import { IntakeFolds } from '../folds/intake-folds';
import type { CalendarLookup } from '../intake.ports';
import { calendarViewOf, type CalendarView } from './calendar-view/calendar-view';

/**
 * The calendars intake counts business time on (CALENDAR_LOOKUP). It asks the calendars' folds in
 * memory (IntakeFolds), not the list's read model: that follows the log a moment behind, and a
 * contact arriving right after an administrator revised a calendar must be promised times on the
 * revision. This replica's own revisions are in the folds at once, another replica's within a
 * fraction of a second.
 */
@Injectable()
export class CalendarDirectory implements CalendarLookup {
  constructor(private readonly folds: IntakeFolds) {}

  async find(calendarId: string): Promise<CalendarView | undefined> {
    if (!CALENDAR_ID_PATTERN.test(calendarId)) return undefined;
    const { state } = await this.folds.calendars.get(calendarStreamId(calendarId));
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
