import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { deterministicEventId, EventIdConflict, type EventStore } from '@collab/event-store';
import { articleViewed, articleViewsStreamId } from '@collab/knowledge-domain';
import { Allow, Answers, CLOCK, CurrentPrincipal, EVENT_STORE, metadataOfOrigin, originOf, uuidParam, type Clock, type Principal } from '@collab/service-kit';
import { ArticleReader } from '../articles/article-reader';
import { articleViewAnswerSchema, type ArticleViewAnswer } from '../knowledge.answers';
import { ArticleViewBody } from './article-view.request';

/**
 * A channel or client tells that a reader opened an article (reading it by GET records nothing, so
 * an editor's check or a crawler is not a view). Cheap: no stream is read; the event goes on the
 * article's stream of the day, its id derived from the view id, so a retry appends nothing more.
 */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
// Every caller who may read an article may say it was read; the article's audience is checked in the handler.
@Allow('requester')
export class RecordViewHttp {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: ArticleReader,
  ) {}

  @Answers(articleViewAnswerSchema, { problems: [404], description: 'The view recorded (also when it was recorded already).' })
  @Post(':id/views')
  @HttpCode(201)
  async view(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ArticleViewBody,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ArticleViewAnswer> {
    const article = await this.reader.published(id, principal);
    const viewId = body.viewId ?? randomUUID();
    const view = { viewId, articleId: article.id, knowledgePointId: article.knowledgePointId, version: article.version, audience: principal.audience, ...(body.channel === undefined ? {} : { channel: body.channel }) };
    const event = articleViewed(view, this.clock.now());
    const eventId = deterministicEventId(`${article.id}/${viewId}`, 'article-viewed');
    try {
      await this.store.append(articleViewsStreamId(article.id, event.data.viewedAt), [{ id: eventId, ...event, metadata: metadataOfOrigin(originOf(principal, correlationId)) }], 'any');
    } catch (error) {
      // The same view retried later (another time, perhaps another day) carries other data under the same id: it was counted already.
      if (!(error instanceof EventIdConflict)) throw error;
    }
    return { viewId, articleId: article.id, version: article.version };
  }
}
