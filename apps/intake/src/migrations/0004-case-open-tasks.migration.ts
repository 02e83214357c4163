import { sqlMigration } from '@collab/service-kit';

/**
 * Intake's copy of workflow's case progress counts the collaboration tasks a case has open, so it
 * shows COLLABORATING as workflow does (libs/domain-kernel case-status.ts). Intake never reads
 * workflow's tables and its inbox applies an event once, so a row stored before starts at 0: a case
 * collaborating at the upgrade shows IN_PROGRESS until it opens its next task (the count never
 * drops below 0 when the earlier ones end).
 */
export const CaseOpenTasks = sqlMigration('CaseOpenTasks1797120000000', [
  `alter table intake.case_progress add column if not exists open_tasks int not null default 0`,
]);
