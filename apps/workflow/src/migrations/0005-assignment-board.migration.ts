import { sqlMigration } from '@collab/service-kit';

/**
 * The assignment board: what agent assignment decides from, owned and kept by the assignment
 * process manager itself (so it never waits on the case and org views). A case row is the subset of
 * the case view that assignment reads (its queue, owner, status and waiting order, and the facts
 * matched against skills), at the case's stream version; an agent row is the agent's stream state.
 * Rows of a database made before are taken from the views, at the versions they show; the manager
 * goes on from its checkpoint, skipping what a row already holds.
 */
export const AssignmentBoard = sqlMigration('AssignmentBoard1796774400000', [
  `create table if not exists workflow.assignment_case (
     case_id uuid primary key,
     status text not null,
     queue text,
     assignee text,
     assigned_at timestamptz,
     opened_at timestamptz not null,
     request_type text not null,
     category text not null,
     language text not null,
     version int not null)`,
  `create index if not exists assignment_case_waiting on workflow.assignment_case (queue, assigned_at, opened_at, case_id)
     where assignee is null and status not in ('RESOLVED', 'CLOSED', 'CANCELLED')`,
  `create index if not exists assignment_case_owned on workflow.assignment_case (assignee)
     where assignee is not null and status not in ('RESOLVED', 'CLOSED', 'CANCELLED')`,
  `create table if not exists workflow.assignment_agent (
     agent_id text primary key,
     active boolean not null,
     queues text[] not null,
     skills text[] not null,
     languages text[] not null,
     capacity int not null,
     version int not null)`,
  `create index if not exists assignment_agent_queues on workflow.assignment_agent using gin (queues) where active`,
  `insert into workflow.assignment_case (case_id, status, queue, assignee, assigned_at, opened_at, request_type, category, language, version)
     select id, status, queue, assignee, assigned_at, opened_at, request_type, category, language, version from workflow.case_view
     on conflict do nothing`,
  `insert into workflow.assignment_agent (agent_id, active, queues, skills, languages, capacity, version)
     select id, active, queues, skills, languages, capacity, version from workflow.org_agent
     on conflict do nothing`,
]);
