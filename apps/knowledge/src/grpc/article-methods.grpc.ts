import { Injectable } from '@nestjs/common';
import { toProtoEnum, toTimestamp, type knowledgeV1 } from '@collab/contracts';
import { ValidationFailed } from '@collab/domain-kernel';
import { isUuid, type Principal } from '@collab/service-kit';
import { ArticleReader } from '../articles/article-reader';
import type { PublishedArticleView } from '../articles/article-views';
import type { ArticleEffectivenessAnswer } from '../knowledge.answers';
import { ArticleEffectivenessReader } from '../usage/article-effectiveness';

const articleOf = (view: PublishedArticleView): knowledgeV1.Article => ({
  id: view.id, knowledgePointId: view.knowledgePointId, version: view.version, title: view.title, summary: view.summary, body: view.body,
  type: toProtoEnum('ARTICLE_TYPE_', view.type), nodeId: view.nodeId,
  audiences: view.audiences.map((audience) => toProtoEnum('ARTICLE_AUDIENCE_', audience) as knowledgeV1.ArticleAudience),
  partners: [...(view.partners ?? [])], language: view.language, tags: [...view.tags],
  effectiveFrom: view.effectiveFrom ? toTimestamp(view.effectiveFrom) : null, expiresAt: view.expiresAt ? toTimestamp(view.expiresAt) : null,
});

const effectivenessOf = ({ helpfulnessRate, ...counts }: ArticleEffectivenessAnswer): knowledgeV1.ArticleEffectiveness => ({
  ...counts,
  helpfulnessRate: helpfulnessRate === null ? null : { value: helpfulnessRate },
});

const articleIdOf = (request: { articleId: string }): string => {
  if (!isUuid(request.articleId)) throw new ValidationFailed([{ field: 'article_id', message: 'must be an article id (UUID)' }]);
  return request.articleId;
};

/** KnowledgeService's methods about one article: its published version, and how it serves its readers. */
@Injectable()
export class ArticleGrpcMethods {
  constructor(
    private readonly reader: ArticleReader,
    private readonly usage: ArticleEffectivenessReader,
  ) {}

  async article(request: { articleId: string }, principal: Principal): Promise<knowledgeV1.GetArticleResponse> {
    return { article: articleOf(await this.reader.published(articleIdOf(request), principal)) };
  }

  /** Audience rules as for reading the article (NOT_FOUND for one the caller may not see); the method's policy admits only staff, analysts and curators. */
  async effectiveness(request: { articleId: string }, principal: Principal): Promise<knowledgeV1.GetArticleEffectivenessResponse> {
    const articleId = articleIdOf(request);
    await this.reader.article(articleId, principal);
    return { effectiveness: effectivenessOf(await this.usage.of(articleId)) };
  }
}
