import { sqlMigration } from '@collab/service-kit';

/**
 * Intake's read models as the releases before versioned migrations created them (written out
 * here, never edited): `if not exists` everywhere, so a data folder or database from those
 * releases is adopted as it is and only recorded as migrated.
 */
export const IntakeReadModels = sqlMigration('IntakeReadModels1793491260000', [
  `create table if not exists intake.channel_view (
     id text primary key, kind text not null, name text not null, audiences text[] not null,
     enabled boolean not null, calendar_id text not null, default_language text not null,
     registered_at timestamptz not null, changed_at timestamptz not null, version int not null)`,
  `create table if not exists intake.category_view (
     id text primary key, parent_id text, names jsonb not null, request_types text[],
     status text not null, defined_at timestamptz not null, changed_at timestamptz not null, version int not null)`,
  `create table if not exists intake.calendar_view (
     id text primary key, definition jsonb not null, version int not null, changed_at timestamptz not null)`,
  `create table if not exists intake.case_record (
     id uuid primary key, number text not null, customer_id uuid not null, status text not null,
     channel text not null, channel_kind text not null, audience text not null, requester jsonb not null,
     requester_id text, requester_partner text, request_type text not null, category text not null,
     subject text not null, description text not null, language text not null, region text not null,
     priority text not null, external_ref text, contacts int not null,
     opened_at timestamptz not null, acknowledged_at timestamptz,
     expected_first_response_at timestamptz, expected_resolution_at timestamptz,
     intake_version int not null)`,
  `create index if not exists case_record_customer on intake.case_record (customer_id, opened_at desc)`,
  `create unique index if not exists case_record_number on intake.case_record (number)`,
  `create table if not exists intake.case_progress (
     case_id uuid primary key, status text not null, queue text, assignee text,
     assigned_at timestamptz, resolved_at timestamptz, closed_at timestamptz, workflow_version int not null)`,
]);
