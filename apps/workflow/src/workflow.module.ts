import { WORKFLOW_STORED_EVENTS } from '@collab/workflow-domain';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceStoreModule } from '@collab/service-kit';
import { WORKFLOW_FEATURES } from './workflow.features';
import { workflowContract } from './workflow.contract';
import { WORKFLOW_MIGRATIONS } from './migrations/workflow.migrations';

/**
 * 统一流程: the case is the main line, from routing to closing. Each feature folder lists its own
 * providers, controllers and read-model entities; the ports in workflow.ports.ts are bound by the
 * feature that owns the answer.
 */
@Module({
  imports: [
    CqrsModule,
    TypeOrmModule.forFeature(WORKFLOW_FEATURES.flatMap((feature) => feature.entities)),
    ServiceStoreModule.forService(workflowContract, { migrations: WORKFLOW_MIGRATIONS, storedEvents: WORKFLOW_STORED_EVENTS }),
  ],
  controllers: WORKFLOW_FEATURES.flatMap((feature) => feature.controllers),
  providers: WORKFLOW_FEATURES.flatMap((feature) => feature.providers),
})
export class WorkflowModule {}
