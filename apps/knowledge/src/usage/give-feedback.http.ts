import { createHash } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@collab/event-store';
import { articleFeedbackDecider, articleFeedbackStreamId, type GiveArticleFeedback } from '@collab/knowledge-domain';
import { Allow, Answers, CLOCK, CommandHandler, CurrentPrincipal, EVENT_STORE, originOf, uuidParam, type Clock, type Principal } from '@collab/service-kit';
import { ArticleReader } from '../articles/article-reader';
import { articleFeedbackAnswerSchema, type ArticleFeedbackAnswer } from '../knowledge.answers';
import { ArticleFeedbackBody } from './article-feedback.request';

/** A reader's subject, digested: stream ids stay short and plain whatever a token names. */
export const voterKey = (subject: string): string => createHash('sha256').update(subject).digest('hex').slice(0, 32);

/**
 * "Was this helpful?" on the published version the caller sees: one vote per caller and version,
 * so sending it again changes nothing and a changed answer replaces the vote. An article the caller
 * may not see is answered as one that does not exist (404).
 */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
// Every caller who may read an article may say whether it helped; the article's audience is checked in the handler.
@Allow('requester')
export class GiveFeedbackHttp {
  private readonly votes;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: ArticleReader,
  ) {
    this.votes = new CommandHandler(store, articleFeedbackDecider, {
      streamOf: ({ feedback }: GiveArticleFeedback) => articleFeedbackStreamId(feedback.articleId, feedback.version, voterKey(feedback.voter)),
      retriesOnConflict: 1,
    });
  }

  @Answers(articleFeedbackAnswerSchema, { problems: [404], description: 'The vote as it now stands.' })
  @Post(':id/feedback')
  @HttpCode(200)
  async feedback(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ArticleFeedbackBody,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ArticleFeedbackAnswer> {
    const article = await this.reader.published(id, principal);
    const feedback = { articleId: article.id, knowledgePointId: article.knowledgePointId, version: article.version, voter: principal.subject, helpful: body.helpful };
    await this.votes.handle({ type: 'GiveArticleFeedback', feedback }, { now: this.clock.now() }, { origin: originOf(principal, correlationId) });
    return { articleId: article.id, version: article.version, helpful: body.helpful };
  }
}
