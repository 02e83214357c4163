import { sqlMigration } from '@collab/service-kit';

/**
 * Routing and assignment rules in the org view: a queue's language rule (REQUIRED: its cases wait
 * for an agent who speaks their language; PREFERRED: speakers first, as every queue behaved
 * before) and when it was retired (null while open: a retired queue takes no new cases); an
 * agent's cross-unit memberships (queues of other units granted explicitly). Rows of older
 * releases are PREFERRED, open and without grants, as their events read. And whether intake's
 * promise falls within its calendar's announced holidays (null for promises made before).
 */
export const RoutingAndAssignmentRules = sqlMigration('RoutingAndAssignmentRules1796688000000', [
  "alter table workflow.org_queue add column if not exists language_rule text not null default 'PREFERRED'",
  'alter table workflow.org_queue add column if not exists retired_at timestamptz',
  "alter table workflow.org_agent add column if not exists cross_unit_queues text[] not null default '{}'",
  // Intake's promise says whether it falls within the calendar's announced holidays (CaseAcknowledged v2).
  'alter table workflow.case_promise add column if not exists coverage jsonb',
]);
