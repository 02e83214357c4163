import type { MigrationClass } from '@collab/service-kit';
import { IntakeReadModels } from './0001-read-models.migration';
import { WorkflowProcesses } from './0002-workflow-processes.migration';
import { SystemParameters } from './0003-system-parameters.migration';
import { CaseOpenTasks } from './0004-case-open-tasks.migration';

/** Intake's read-model migrations in the order they were released; append, never edit. */
export const INTAKE_MIGRATIONS: readonly MigrationClass[] = [IntakeReadModels, WorkflowProcesses, SystemParameters, CaseOpenTasks];
