import { randomUUID } from 'node:crypto';
import { Module, type Type } from '@nestjs/common';
import { asIs, intakeLanguage, knowledgeLanguage, kpiLanguage, serviceContract, workflowLanguage, type PublishedLanguage, type ServiceContract } from '@collab/contracts';
import { ServiceStoreModule } from '@collab/service-kit';

/** A service whose stored events are its public events as they are: a stand-in for intake, workflow or knowledge in the data specs. */
export const feedContract = (language: PublishedLanguage): ServiceContract =>
  serviceContract(language, Object.fromEntries(Object.entries(language.current).map(([type, definition]) => [type, asIs(definition)])));

@Module({ imports: [ServiceStoreModule.forService(feedContract(intakeLanguage))] })
class IntakeFeed {}
@Module({ imports: [ServiceStoreModule.forService(feedContract(workflowLanguage))] })
class WorkflowFeed {}
@Module({ imports: [ServiceStoreModule.forService(feedContract(knowledgeLanguage))] })
class KnowledgeFeed {}

@Module({ imports: [ServiceStoreModule.forService(feedContract(kpiLanguage))] })
class KpiFeed {}

/** The logs the data service follows, fed by the spec with published events (no intake, workflow, knowledge or KPI code runs). */
export const PUBLISHED_FEEDS: readonly Type[] = [IntakeFeed, WorkflowFeed, KnowledgeFeed, KpiFeed];

export type FeedService = 'intake' | 'workflow' | 'knowledge' | 'kpi';

/** One published event the spec appends to a service's log, on the stream it would be on. */
export interface FeedEvent {
  readonly service: FeedService;
  readonly stream: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly id: string;
}

export const feedEvent = (service: FeedService, stream: string, type: string, data: Record<string, unknown>): FeedEvent => ({ service, stream, type, data, id: randomUUID() });
