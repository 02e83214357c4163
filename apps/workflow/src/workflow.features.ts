import { SYSTEM_PARAMETERS_CONTROLLERS, SYSTEM_PARAMETERS_ENTITIES, SYSTEM_PARAMETERS_PROVIDERS } from './admin/system-parameters/system-parameters.providers';
import { ROLE_GRANTS_CONTROLLERS, ROLE_GRANTS_ENTITIES, ROLE_GRANTS_PROVIDERS } from './admin/role-grants/role-grants.providers';
import { CALENDARS_CONTROLLERS, CALENDARS_ENTITIES, CALENDARS_PROVIDERS } from './calendars/calendars.providers';
import { CASE_CONTROLLERS, CASE_ENTITIES, CASE_PROVIDERS } from './cases/cases.providers';
import { ORG_CONTROLLERS, ORG_ENTITIES, ORG_PROVIDERS } from './org/org.providers';
import { PROCESSES_CONTROLLERS, PROCESSES_ENTITIES, PROCESSES_PROVIDERS } from './processes/processes.providers';
import { SLA_CONTROLLERS, SLA_ENTITIES, SLA_PROVIDERS } from './sla/sla.providers';
import { TASKS_CONTROLLERS, TASKS_ENTITIES, TASKS_PROVIDERS } from './tasks/tasks.providers';
import { WORKBENCH_CONTROLLERS, WORKBENCH_ENTITIES, WORKBENCH_PROVIDERS } from './workbench/workbench.providers';

/** Each feature folder's providers, controllers and read-model entities, as WorkflowModule mounts them. */
export const WORKFLOW_FEATURES = [
  { providers: CASE_PROVIDERS, controllers: CASE_CONTROLLERS, entities: CASE_ENTITIES },
  { providers: ORG_PROVIDERS, controllers: ORG_CONTROLLERS, entities: ORG_ENTITIES },
  { providers: PROCESSES_PROVIDERS, controllers: PROCESSES_CONTROLLERS, entities: PROCESSES_ENTITIES },
  { providers: CALENDARS_PROVIDERS, controllers: CALENDARS_CONTROLLERS, entities: CALENDARS_ENTITIES },
  { providers: TASKS_PROVIDERS, controllers: TASKS_CONTROLLERS, entities: TASKS_ENTITIES },
  { providers: SLA_PROVIDERS, controllers: SLA_CONTROLLERS, entities: SLA_ENTITIES },
  { providers: WORKBENCH_PROVIDERS, controllers: WORKBENCH_CONTROLLERS, entities: WORKBENCH_ENTITIES },
  { providers: SYSTEM_PARAMETERS_PROVIDERS, controllers: SYSTEM_PARAMETERS_CONTROLLERS, entities: SYSTEM_PARAMETERS_ENTITIES },
  { providers: ROLE_GRANTS_PROVIDERS, controllers: ROLE_GRANTS_CONTROLLERS, entities: ROLE_GRANTS_ENTITIES },
];
