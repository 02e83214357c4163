export { KnowledgeModule } from './knowledge.module';
export { knowledgeContract } from './knowledge.contract';
