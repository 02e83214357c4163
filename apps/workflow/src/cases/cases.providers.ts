import type { Provider, Type } from '@nestjs/common';
import { GetCaseHistoryHandler } from './case-history/case-history.handler';
import { CaseHistoryHttp } from './case-history/case-history.http';
import { CaseStreams } from './case-history/case-streams';
import { CasePromise } from './case-promise/case-promise.entity';
import { CasePromiseConsumer } from './case-promise/case-promise.consumer';
import { CaseView } from './case-view/case-view.entity';
import { CaseViewProjection } from './case-view/case-view.projection';
import { CaseCourses } from './get-case/case-courses';
import { GetCaseHandler } from './get-case/get-case.handler';
import { GetCaseHttp } from './get-case/get-case.http';
import { LegClocks } from './get-case/leg-clocks';
import { CaseProcessStarts } from './route-case/case-process-start';
import { RouteCaseProcessManager } from './route-case/route-case.process-manager';

/** Reading a case now or as it was, with its legs and chain, and its history: all from its streams. */
const READING_PROVIDERS: readonly Provider[] = [GetCaseHandler, CaseStreams, LegClocks, CaseCourses, GetCaseHistoryHandler];

/** The case's main line: routing, the lifecycle commands and the case view. Spread into WorkflowModule. */
export const CASE_PROVIDERS: readonly Provider[] = [RouteCaseProcessManager, CaseProcessStarts, CaseViewProjection, CasePromiseConsumer, ...READING_PROVIDERS];
export const CASE_CONTROLLERS: readonly Type[] = [GetCaseHttp, CaseHistoryHttp];
export const CASE_ENTITIES: readonly Type[] = [CaseView, CasePromise];
