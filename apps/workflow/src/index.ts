export { WorkflowModule } from './workflow.module';
export { workflowContract } from './workflow.contract';
export { workflowReadModels } from './workflow.read-models';
