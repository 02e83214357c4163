export { KnowledgeModule } from './knowledge.module';
export { knowledgeContract } from './knowledge.contract';
export { knowledgeReadModels } from './knowledge.read-models';
