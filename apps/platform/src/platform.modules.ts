import { DataModule } from '@collab/data';
import { IntakeModule } from '@collab/intake';
import { KnowledgeModule } from '@collab/knowledge';
import { KpiModule } from '@collab/kpi';
import { WorkflowModule } from '@collab/workflow';

/** The five services in one process: the embedded mode's composition root (docs/adr/0005). */
export const PLATFORM_MODULES = [IntakeModule, WorkflowModule, KnowledgeModule, KpiModule, DataModule];
