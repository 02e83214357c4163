import type { Provider, Type } from '@nestjs/common';
import { IntakeFolds } from '../folds/intake-folds';
import { CalendarDirectory } from './calendar-directory';
import { CalendarViewProjection } from './calendar-view/calendar-view.projection';
import { CalendarCoverageHttp } from './calendar-coverage/calendar-coverage.http';
import { CalendarCoverageWatch } from './calendar-coverage/calendar-coverage-watch';
import { CalendarSeeder } from './default-calendars/calendar-seeder';
import { DefineCalendarHandler } from './define-calendar/define-calendar.handler';
import { DefineCalendarHttp } from './define-calendar/define-calendar.http';
import { ExpectedTimesHandler } from './expected-times/expected-times.handler';
import { ExpectedTimesHttp } from './expected-times/expected-times.http';
import { CalendarCatalogue } from './read-calendars/calendar-catalogue';
import { ReadCalendarsHttp } from './read-calendars/read-calendars.http';

/**
 * Business calendars and the what-if on them, spread into IntakeModule so they share intake's
 * EVENT_STORE: `providers: [...CALENDAR_PROVIDERS]`, `controllers: [...CALENDAR_CONTROLLERS]`, and
 * `{ provide: CALENDAR_LOOKUP, useExisting: CalendarDirectory }`, through which other features
 * (the acknowledgement's promise) count business time. The what-if also needs CHANNEL_LOOKUP (the
 * channel registry) and ServicePromises (provided with submitting contacts), so it promises exactly
 * what an acknowledgement would.
 */
export const CALENDAR_PROVIDERS: readonly Provider[] = [
  IntakeFolds,
  CalendarDirectory,
  DefineCalendarHandler,
  CalendarCatalogue,
  CalendarViewProjection,
  CalendarSeeder,
  CalendarCoverageWatch,
  ExpectedTimesHandler,
];
export const CALENDAR_CONTROLLERS: readonly Type[] = [
  ReadCalendarsHttp,
  DefineCalendarHttp,
  ExpectedTimesHttp,
  CalendarCoverageHttp,
];

export { CalendarDirectory } from './calendar-directory';
export type { CalendarView } from './calendar-view/calendar-view';
