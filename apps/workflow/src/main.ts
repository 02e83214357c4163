import { runService } from '@collab/service-kit';
import { WorkflowModule } from './workflow.module';

void runService({ service: 'workflow', modules: [WorkflowModule] });
