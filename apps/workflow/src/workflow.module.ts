import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceStoreModule } from '@collab/service-kit';
import { CasePromise } from './cases/case-promise/case-promise.entity';
import { CasePromiseConsumer } from './cases/case-promise/case-promise.consumer';
import { CaseView } from './cases/case-view/case-view.entity';
import { CaseViewProjection } from './cases/case-view/case-view.projection';
import { GetCaseHandler } from './cases/get-case/get-case.handler';
import { GetCaseHttp } from './cases/get-case/get-case.http';
import { RouteCaseProcessManager } from './cases/route-case/route-case.process-manager';
import { workflowContract } from './workflow.contract';

/** 统一流程: the case is the main line, from routing to closing. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([CaseView, CasePromise]), ServiceStoreModule.forService(workflowContract)],
  controllers: [GetCaseHttp],
  providers: [RouteCaseProcessManager, CaseViewProjection, CasePromiseConsumer, GetCaseHandler],
})
export class WorkflowModule {}
