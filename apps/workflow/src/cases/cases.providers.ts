import type { Provider, Type } from '@nestjs/common';
import { AssignCaseHttp } from './assign-case/assign-case.http';
import { QueueAgents } from './assign-case/queue-agents';
import { CancelCaseHttp } from './cancel-case/cancel-case.http';
import { CaseCommandHandler } from './case-command-handler';
import { CaseCommands } from './case-commands';
import { ProjectedCourses } from './case-course/projected-courses';
import { GetCaseHistoryHandler } from './case-history/case-history.handler';
import { CaseHistoryHttp } from './case-history/case-history.http';
import { CaseStreams } from './case-history/case-streams';
import { ConfirmResolutionHttp } from './confirm-resolution/confirm-resolution.http';
import { RecordFeedbackHttp } from './record-feedback/record-feedback.http';
import { ReassignCaseHttp } from './reassign-case/reassign-case.http';
import { ReopenCaseHttp } from './reopen-case/reopen-case.http';
import { CollaborationPlanner } from './request-collaboration/collaboration-planner';
import { RequestCollaborationHttp } from './request-collaboration/request-collaboration.http';
import { ResolveCaseHttp } from './resolve-case/resolve-case.http';
import { StartWorkHttp } from './start-work/start-work.http';
import { TransferCaseHttp } from './transfer-case/transfer-case.http';
import { CasePromise } from './case-promise/case-promise.entity';
import { CasePromiseConsumer } from './case-promise/case-promise.consumer';
import { CaseView } from './case-view/case-view.entity';
import { CaseViewProjection } from './case-view/case-view.projection';
import { CaseCourses } from './get-case/case-courses';
import { CasesAsTheyWere } from './get-case/cases-as-they-were';
import { GetCaseHandler } from './get-case/get-case.handler';
import { GetCaseHttp } from './get-case/get-case.http';
import { LegClocks } from './get-case/leg-clocks';
import { CaseProcessStarts } from './route-case/case-process-start';
import { RouteCaseProcessManager } from './route-case/route-case.process-manager';
import { CustomerTagReader, CustomerTagsConsumer } from './customer-tags/customer-tags.consumer';

/** The lifecycle commands over REST: each runs through CaseCommands. */
const LIFECYCLE_PROVIDERS: readonly Provider[] = [CaseCommandHandler, CaseCommands, QueueAgents, CollaborationPlanner];
const LIFECYCLE_CONTROLLERS: readonly Type[] = [
  AssignCaseHttp,
  ReassignCaseHttp,
  TransferCaseHttp,
  StartWorkHttp,
  RequestCollaborationHttp,
  ResolveCaseHttp,
  ConfirmResolutionHttp,
  RecordFeedbackHttp,
  ReopenCaseHttp,
  CancelCaseHttp,
];

/** Reading a case now (its read model, legs and chain included) or as it was, and its history (both from its streams). */
const READING_PROVIDERS: readonly Provider[] = [GetCaseHandler, ProjectedCourses, CasesAsTheyWere, CaseStreams, LegClocks, CaseCourses, GetCaseHistoryHandler];

/** The case's main line: routing, the lifecycle commands and the case view. Spread into WorkflowModule. */
export const CASE_PROVIDERS: readonly Provider[] = [RouteCaseProcessManager, CustomerTagsConsumer, CustomerTagReader, CaseProcessStarts, CaseViewProjection, CasePromiseConsumer, ...READING_PROVIDERS, ...LIFECYCLE_PROVIDERS];
export const CASE_CONTROLLERS: readonly Type[] = [GetCaseHttp, CaseHistoryHttp, ...LIFECYCLE_CONTROLLERS];
export const CASE_ENTITIES: readonly Type[] = [CaseView, CasePromise];
