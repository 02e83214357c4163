import { projectionsAmong, type ServiceReadModels } from '@collab/service-kit';
import { KNOWLEDGE_PROVIDERS } from './knowledge.providers';
import { KNOWLEDGE_MIGRATIONS } from './migrations/knowledge.migrations';

/** Knowledge's read models for `npm run rebuild -- knowledge <read-model>`; its projections write through SQL, so no entities. */
export const knowledgeReadModels: ServiceReadModels = {
  service: 'knowledge',
  migrations: KNOWLEDGE_MIGRATIONS,
  entities: [],
  projections: projectionsAmong(KNOWLEDGE_PROVIDERS),
};
