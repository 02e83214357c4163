/**
 * Intake's business calendars as workflow learned them: one row per calendar, its latest whole
 * definition and the calendar stream's version (intake's `streamversion`), which keeps a late
 * redelivery of an older definition from replacing a newer one.
 */
export const BUSINESS_CALENDAR_DDL = [
  `create table if not exists workflow.business_calendar (
     id text primary key, definition jsonb not null, version int not null, changed_at timestamptz not null)`,
];
