export { WorkflowModule } from './workflow.module';
export { workflowContract } from './workflow.contract';
