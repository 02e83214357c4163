import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { readerFor, workflowLanguage, type CollabEvent } from '@collab/contracts';
import { NotFound } from '@collab/domain-kernel';
import { deterministicEventId, type EventStore } from '@collab/event-store';
import { articleResolutionDecider, articleResolutionStreamId, type LinkArticleToResolution } from '@collab/knowledge-domain';
import { EVENT_CONSUMER, type EventConsumerPort, type RunningConsumer } from '@collab/messaging';
import { CLOCK, CommandHandler, EVENT_STORE, isUuid, type Clock } from '@collab/service-kit';
import { ArticleCommands } from '../articles/article-commands';

const CONSUMER = 'knowledge.case-resolutions';
const workflow = readerFor(workflowLanguage, { only: ['CaseResolved'] });

/**
 * Links each article an agent cited in workflow's CaseResolved to the case (ArticleUsedToResolve),
 * following workflow's published events: its Kafka topic in the distributed mode, its log in the
 * embedded platform. Like intake's case endings, not through the ProcessedEvents inbox: the effect
 * is an append, made idempotent by one stream per article and case and by event ids derived from
 * workflow's event. Ids that name no article of this knowledge base (free text, a deleted draft)
 * link nothing.
 */
@Injectable()
export class CaseResolutionsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CaseResolutions');
  private readonly links;
  private consumer?: RunningConsumer;

  constructor(
    @Inject(EVENT_CONSUMER) private readonly events: EventConsumerPort,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly articles: ArticleCommands,
  ) {
    this.links = new CommandHandler(store, articleResolutionDecider, {
      streamOf: ({ link }: LinkArticleToResolution) => articleResolutionStreamId(link.articleId, link.caseId),
      retriesOnConflict: 1,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.events.consume({ consumerName: CONSUMER, source: 'workflow', handle: (event) => this.on(event) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async on(event: CollabEvent): Promise<void> {
    const message = workflow.read(event);
    if (message === undefined) return;
    const { caseId, resolutionCode, resolvedAt, knowledgeArticleIds } = message.data;
    for (const articleId of new Set(knowledgeArticleIds)) {
      if (!(await this.known(articleId))) continue;
      await this.links.handle({ type: 'LinkArticleToResolution', link: { articleId, caseId, resolutionCode, resolvedAt } }, { now: this.clock.now() }, {
        metadata: { correlationId: event.correlationid, causationId: event.id, actor: { id: CONSUMER, kind: 'service' } },
        eventIdFor: () => deterministicEventId(event.id, `${CONSUMER}/${articleId}`),
      });
    }
  }

  private async known(articleId: string): Promise<boolean> {
    if (!isUuid(articleId)) return false;
    try {
      await this.articles.load(articleId);
      return true;
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      this.logger.warn(`case resolution cited article ${articleId}, which knowledge does not have`);
      return false;
    }
  }
}
