import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, Answers, CurrentPrincipal, uuidParam, type ListPage, type Principal } from '@collab/service-kit';
import { ArticleReader } from '../articles/article-reader';
import { articleEffectivenessSchema, unhelpfulArticlesSchema, type ArticleEffectivenessAnswer, type UnhelpfulArticle } from '../knowledge.answers';
import { EFFECTIVENESS_READERS } from '../knowledge-roles';
import { ArticleEffectivenessReader } from './article-effectiveness';
import { UnhelpfulQuery } from './effectiveness.request';

/**
 * How well articles serve their readers, for the staff who curate and use them: one article's
 * counts, and the articles read often that never helped (candidates to rewrite or retire).
 * Customers and partners' agents are refused (403): usage is the organisation's to see.
 */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge')
export class EffectivenessHttp {
  constructor(
    private readonly reader: ArticleReader,
    private readonly effectiveness: ArticleEffectivenessReader,
  ) {}

  /** Audience rules as for reading the article: one the caller may not see is 404. */
  @Answers(articleEffectivenessSchema, { problems: [404], description: "The article's usage over all its versions." })
  @Get('articles/:id/effectiveness')
  @Allow(...EFFECTIVENESS_READERS)
  async article(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<ArticleEffectivenessAnswer> {
    await this.reader.article(id, principal);
    return this.effectiveness.of(id);
  }

  /** `?minViews=` (default 20): published articles read at least that often, none of whose readers it helped, most read first. */
  @Answers(unhelpfulArticlesSchema, { description: 'A page of the articles, most read first.' })
  @Get('effectiveness/unhelpful')
  @Allow(...EFFECTIVENESS_READERS)
  unhelpful(@Query() query: UnhelpfulQuery): Promise<ListPage<UnhelpfulArticle>> {
    return this.effectiveness.neverHelped(query);
  }
}
