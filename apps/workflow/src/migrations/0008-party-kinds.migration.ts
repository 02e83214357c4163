import { sqlMigration } from '@collab/service-kit';

/**
 * Who asked for a task is a tagged party (issue 11): `from_kind` beside `from_unit` (which keeps the
 * id, whatever its kind) on the task view and on the case's chain. Rows stored before take the rule
 * the events' upcasters and the case fold apply: the case's QUEUE when the task has no parent; for a
 * chain, the kind of the parent task's target (its holder asked), which both tables hold; UNIT when
 * the parent is not there (until now only a unit's staff could ask in turn).
 */
export const PartyKinds = sqlMigration('PartyKinds1797206400000', [
  `alter table workflow.task_view add column if not exists from_kind text not null default 'UNIT'`,
  `update workflow.task_view set from_kind = 'QUEUE' where parent_task_id is null`,
  `update workflow.task_view t set from_kind = p.target_kind
     from workflow.task_view p
    where t.parent_task_id is not null and p.id::text = t.parent_task_id and p.target_id = t.from_unit`,
  `alter table workflow.case_task_link add column if not exists from_kind text not null default 'UNIT'`,
  `update workflow.case_task_link set from_kind = 'QUEUE' where parent_task_id is null`,
  `update workflow.case_task_link l set from_kind = p.target->>'kind'
     from workflow.case_task_link p
    where l.parent_task_id is not null and p.case_id = l.case_id and p.task_id = l.parent_task_id and p.target->>'id' = l.from_unit`,
]);
