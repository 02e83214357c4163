import { WORKFLOW_STORED_EVENTS } from '@collab/workflow-domain';
import { projectionsAmong, type ServiceReadModels } from '@collab/service-kit';
import { WORKFLOW_MIGRATIONS } from './migrations/workflow.migrations';
import { WORKFLOW_FEATURES } from './workflow.features';

/** Workflow's read models for `npm run rebuild -- workflow <read-model>`: every projection WorkflowModule runs. */
export const workflowReadModels: ServiceReadModels = {
  service: 'workflow',
  migrations: WORKFLOW_MIGRATIONS,
  storedEvents: WORKFLOW_STORED_EVENTS,
  entities: WORKFLOW_FEATURES.flatMap((feature) => feature.entities),
  projections: projectionsAmong(WORKFLOW_FEATURES.flatMap((feature) => feature.providers)),
};
