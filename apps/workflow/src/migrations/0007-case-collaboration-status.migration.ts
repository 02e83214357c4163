import { sqlMigration } from '@collab/service-kit';

/**
 * One vocabulary for the tasks of a case's chain (libs/domain-kernel task-status.ts): each link
 * takes its task's status and remembers the last version of the task's stream it has seen. Links
 * stored before said OPEN until the case recorded the end; they take the task view's status (or
 * REQUESTED for a task it has not seen), and every link the task view's version: what following the
 * log from the start gives, as the task view stands at the case view's point of the log (the runtime
 * commits a service's projections and checkpoints together). A case's COLLABORATING needs no
 * column: it is read from the links the case has not recorded the end of.
 */
export const CaseCollaborationStatus = sqlMigration('CaseCollaborationStatus1797120000000', [
  `alter table workflow.case_task_link add column if not exists task_version int not null default 0`,
  `update workflow.case_task_link l set status = case when l.status = 'OPEN' then t.status else l.status end, task_version = t.version
     from workflow.task_view t
    where t.id::text = l.task_id`,
  `update workflow.case_task_link set status = 'REQUESTED' where status = 'OPEN'`,
]);
