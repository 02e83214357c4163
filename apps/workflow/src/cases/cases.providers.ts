import type { Provider, Type } from '@nestjs/common';
import { CasePromise } from './case-promise/case-promise.entity';
import { CasePromiseConsumer } from './case-promise/case-promise.consumer';
import { CaseView } from './case-view/case-view.entity';
import { CaseViewProjection } from './case-view/case-view.projection';
import { GetCaseHandler } from './get-case/get-case.handler';
import { GetCaseHttp } from './get-case/get-case.http';
import { CaseProcessStarts } from './route-case/case-process-start';
import { RouteCaseProcessManager } from './route-case/route-case.process-manager';

/** The case's main line: routing, the lifecycle commands and the case view. Spread into WorkflowModule. */
export const CASE_PROVIDERS: readonly Provider[] = [RouteCaseProcessManager, CaseProcessStarts, CaseViewProjection, CasePromiseConsumer, GetCaseHandler];
export const CASE_CONTROLLERS: readonly Type[] = [GetCaseHttp];
export const CASE_ENTITIES: readonly Type[] = [CaseView, CasePromise];
