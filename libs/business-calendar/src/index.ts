export * from './business-calendar';
export { validateCalendar, CALENDAR_ID_PATTERN, type BusinessCalendarInput } from './calendar.validation';
export { defaultCalendars } from './default-calendars';
