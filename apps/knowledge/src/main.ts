import { runService } from '@collab/service-kit';
import { KnowledgeModule } from './knowledge.module';

void runService({ service: 'knowledge', modules: [KnowledgeModule] });
