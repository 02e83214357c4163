import { sqlMigration } from '@collab/service-kit';

/**
 * Intake's copy of workflow's process catalogue (ADR 0012): each process's latest published
 * version and whether new cases still start on it, filled from workflow's ProcessVersionPublished
 * and ProcessRetired, so the acknowledgement promises the times the case's process will hold.
 */
export const WorkflowProcesses = sqlMigration('WorkflowProcesses1796601660000', [
  `create table if not exists intake.workflow_process (
     process_id text primary key, latest jsonb not null, version int not null, active boolean not null)`,
]);
