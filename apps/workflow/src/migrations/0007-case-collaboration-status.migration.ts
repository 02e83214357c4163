import { sqlMigration } from '@collab/service-kit';

/**
 * One vocabulary for a case waiting on its tasks and for the tasks of its chain (libs/domain-kernel
 * case-status.ts, task-status.ts). The case view counts the collaboration tasks each case has open
 * (COLLABORATING is shown while any is); the chain's links take their task's status and remember the
 * task-stream version that moved it. Rows of a database made before are filled from what the same
 * projection already holds (a link the case has not seen end is open on it), and each link from the
 * task view, which the runtime commits with the case view in one transaction, so both stand at the
 * same point of the log: a rebuild from the log gives the same rows.
 */
export const CaseCollaborationStatus = sqlMigration('CaseCollaborationStatus1797120000000', [
  `alter table workflow.case_view add column if not exists open_tasks int not null default 0`,
  `update workflow.case_view v set open_tasks = open.count
     from (select case_id, count(*)::int as count from workflow.case_task_link where closed_at is null group by case_id) open
    where open.case_id = v.id and v.status not in ('CANCELLED')`,
  `alter table workflow.case_task_link add column if not exists task_version int not null default 0`,
  `update workflow.case_task_link l set status = t.status, task_version = t.version
     from workflow.task_view t
    where l.status = 'OPEN' and t.id::text = l.task_id`,
  `update workflow.case_task_link set status = 'REQUESTED' where status = 'OPEN'`,
]);
