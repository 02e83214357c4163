import { Module } from '@nestjs/common';
import { ServiceStoreModule } from '@collab/service-kit';
import { knowledgeContract } from './knowledge.contract';

/** 统一服务: one knowledge base for external, internal and partner audiences. It owns the `knowledge` schema and event log. */
@Module({ imports: [ServiceStoreModule.forService(knowledgeContract)] })
export class KnowledgeModule {}
