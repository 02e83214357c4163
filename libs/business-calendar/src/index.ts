export * from './business-calendar';
export { validateCalendar, CALENDAR_ID_PATTERN, type BusinessCalendarInput } from './calendar.validation';
export {
  isWorkingTime,
  nextWorkingInstant,
  addBusinessTime,
  businessTimeBetween,
  BeyondCalendarHorizon,
  SEARCH_HORIZON_DAYS,
  MEASURE_HORIZON_DAYS,
} from './business-time';
export { expectedTimes, type SlaPolicy, type ExpectedTimes } from './service-promise';
export { defaultCalendars } from './default-calendars';
export { easterSunday, ruleHolidaysIn } from './holiday-rules';
export {
  coverageOf,
  coverageWarningAt,
  coverageEndsAt,
  COVERAGE_WARNING_DAYS,
  type CalendarCoverage,
} from './coverage';
