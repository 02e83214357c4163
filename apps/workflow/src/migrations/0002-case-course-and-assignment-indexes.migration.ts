import { sqlMigration } from '@collab/service-kit';

/**
 * ADR 0008: each case's legs and chain kept beside its view (case_leg, case_task_link, and the
 * clocks legs run on, case_leg_holder), filled by the case-view projection under its new name
 * `workflow.case-view.2`, which follows the log again from its start. And the partial indexes that
 * agent assignment asks on every contact (a queue's longest-waiting case, the open cases an agent
 * owns, the active agents of a queue), which read whole tables before. Built inside the migration's
 * transaction: the tables are small where this runs first; a large deployment builds them
 * CONCURRENTLY by hand beforehand, and these statements then find them there.
 */
export const CaseCourseAndAssignmentIndexes = sqlMigration('CaseCourseAndAssignmentIndexes1796515260000', [
  `create table if not exists workflow.case_leg (
     case_id uuid not null, leg_key text not null, kind text not null, unit text not null,
     task_id text, parent_task_id text, ordinal int, from_at timestamptz not null, to_at timestamptz,
     holding_unit text, calendar_id text, measured_in text not null, note text, calendar jsonb,
     held_minutes double precision, version int not null,
     primary key (case_id, leg_key))`,
  `create table if not exists workflow.case_task_link (
     case_id uuid not null, task_id text not null, parent_task_id text, from_unit text not null,
     target jsonb not null, reason text not null, status text not null,
     opened_at timestamptz not null, opened_by jsonb not null,
     accept_due_at timestamptz not null, complete_due_at timestamptz not null,
     closed_at timestamptz, closed_by jsonb, outcome_reason text, ordinal int not null, version int not null,
     primary key (case_id, task_id))`,
  `create table if not exists workflow.case_leg_holder (
     id text primary key, kind text not null, unit_id text, calendar_id text, version int not null)`,
  `create index if not exists case_view_waiting on workflow.case_view (queue, assigned_at, opened_at, id)
     where assignee is null and status not in ('RESOLVED', 'CLOSED', 'CANCELLED')`,
  `create index if not exists case_view_owned on workflow.case_view (assignee)
     where assignee is not null and status not in ('RESOLVED', 'CLOSED', 'CANCELLED')`,
  `create index if not exists org_agent_queues on workflow.org_agent using gin (queues) where active`,
  // The old generation's checkpoint: nothing reads it once case-view.2 has taken over.
  `delete from workflow.checkpoints where name = 'workflow.case-view'`,
]);
