import { Module } from '@nestjs/common';
import { ServiceStoreModule } from '@collab/service-kit';
import { knowledgeContract } from './knowledge.contract';
import { KNOWLEDGE_CONTROLLERS, KNOWLEDGE_PROVIDERS } from './knowledge.providers';
import { KNOWLEDGE_MIGRATIONS } from './migrations/knowledge.migrations';

/** 统一服务: one knowledge base for external, internal and partner audiences. It owns the `knowledge` schema and event log. */
@Module({
  imports: [ServiceStoreModule.forService(knowledgeContract, { migrations: KNOWLEDGE_MIGRATIONS })],
  controllers: [...KNOWLEDGE_CONTROLLERS],
  providers: [...KNOWLEDGE_PROVIDERS],
})
export class KnowledgeModule {}
