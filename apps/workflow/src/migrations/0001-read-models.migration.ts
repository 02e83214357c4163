import { sqlMigration } from '@collab/service-kit';

/**
 * Workflow's read models as the releases before versioned migrations created them (written out
 * here, never edited): `if not exists` everywhere, so a data folder or database from those
 * releases is adopted as it is and only recorded as migrated.
 */
export const WorkflowReadModels = sqlMigration('WorkflowReadModels1793491260000', [
  `create table if not exists workflow.case_view (
     id uuid primary key, status text not null, channel text not null, audience text not null,
     request_type text not null, category text not null, subject text not null, description text not null,
     language text not null, region text not null, priority text not null,
     requester_id text, requester_partner text, requester_unit text,
     queue text, routing_rule text, opened_at timestamptz not null, assigned_at timestamptz, version int not null)`,
  `create index if not exists case_view_requester on workflow.case_view (requester_id)`,
  `alter table workflow.case_view add column if not exists assignee text`,
  `alter table workflow.case_view add column if not exists resolved_at timestamptz`,
  `alter table workflow.case_view add column if not exists closed_at timestamptz`,
  `alter table workflow.case_view add column if not exists process_id text`,
  `alter table workflow.case_view add column if not exists process_version int`,
  `alter table workflow.case_view add column if not exists process_stage text`,
  `alter table workflow.case_view add column if not exists response_due_at timestamptz`,
  `alter table workflow.case_view add column if not exists resolution_due_at timestamptz`,
  `create table if not exists workflow.case_promise (
     case_id uuid primary key, case_number text not null, acknowledged_at timestamptz not null,
     expected_first_response_at timestamptz not null, expected_resolution_at timestamptz not null, calendar_id text not null)`,
  `create table if not exists workflow.task_view (
     id uuid primary key, case_id uuid not null, parent_task_id text, from_unit text not null,
     target_kind text not null, target_id text not null, target_region text not null,
     status text not null, reason text not null, sla jsonb not null,
     accept_due_at timestamptz not null, complete_due_at timestamptz not null,
     requested_by text not null, requested_at timestamptz not null,
     accepted_by text, accepted_at timestamptz, completed_at timestamptz, returned_at timestamptz, withdrawn_at timestamptz,
     result text, return_reason_code text, return_note text, withdraw_reason text,
     notes jsonb not null default '[]'::jsonb, urge_count int not null default 0, last_urged_at timestamptz,
     version int not null, position bigint not null)`,
  `create index if not exists task_view_target on workflow.task_view (target_id, requested_at)`,
  `create index if not exists task_view_from on workflow.task_view (from_unit, requested_at)`,
  `create index if not exists task_view_case on workflow.task_view (case_id)`,
  `create index if not exists task_view_position on workflow.task_view (position)`,
  `create table if not exists workflow.org_unit (
     id text primary key, level text not null, unit_type text not null, parent_id text,
     name_zh text not null, name_en text not null, region text not null, calendar_id text not null,
     supervisor_id text, version int not null)`,
  `create table if not exists workflow.org_queue (
     id text primary key, unit_id text not null, name text not null, skills text[] not null, version int not null)`,
  `create index if not exists org_queue_unit on workflow.org_queue (unit_id)`,
  `create table if not exists workflow.org_agent (
     id text primary key, unit_id text not null, queues text[] not null, skills text[] not null,
     languages text[] not null, capacity int not null, active boolean not null, version int not null)`,
  `create table if not exists workflow.org_partner (
     id text primary key, name_zh text not null, name_en text not null, regions text[] not null,
     calendar_id text not null, supervisor_id text, active boolean not null, version int not null)`,
  `create table if not exists workflow.org_responsibility (
     entry_id text primary key, request_type text, category text, region text,
     unit_id text not null, queue_id text, assigned_at timestamptz not null)`,
  `create table if not exists workflow.process_view (
     id text primary key, name text not null, status text not null, latest_version int not null,
     latest jsonb not null, changed_at timestamptz not null, stream_version int not null)`,
  `create table if not exists workflow.sla_timer (
     id uuid primary key, case_id text not null, clock_key text not null, started_at timestamptz not null,
     kind text not null, level int not null, due_at timestamptz not null,
     fired_at timestamptz, cancelled_at timestamptz, claimed_until timestamptz,
     correlation_id text not null, scheduled_by uuid not null)`,
  `create index if not exists sla_timer_pending on workflow.sla_timer (due_at)
     where fired_at is null and cancelled_at is null`,
  'create index if not exists sla_timer_clock on workflow.sla_timer (case_id, clock_key)',
  `create table if not exists workflow.sla_clock (
     case_id text not null, clock_key text not null, task_id text, holding_unit text, calendar_id text,
     target_minutes int not null, started_at timestamptz not null, due_at timestamptz not null,
     warn_at timestamptz, escalations jsonb not null, warned_at timestamptz, breached_at timestamptz, escalation_level int not null default 0,
     stopped_at timestamptz, stop_reason text, met boolean, version int not null,
     primary key (case_id, clock_key))`,
  'create index if not exists sla_clock_task on workflow.sla_clock (task_id) where task_id is not null',
  `create table if not exists workflow.business_calendar (
     id text primary key, definition jsonb not null, version int not null, changed_at timestamptz not null)`,
]);
