import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answers, Allow, CurrentPrincipal, defined, type Principal } from '@collab/service-kit';
import { KnowledgeMap } from '../knowledge-map/knowledge-map';
import { ArticleSearch, type SearchResults } from './article-search';
import { SearchQuery } from './search.request';
import { searchResultsSchema } from '../knowledge.answers';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/search')
// Every caller may read; what they see is filtered by their audience (and an editor's role) in the handler.
@Allow('requester')
export class SearchHttp {
  constructor(private readonly articles: ArticleSearch, private readonly map: KnowledgeMap) {}

  /** Published articles for the caller's audience, best match first, then the freshest; `node` includes everything under it. */
  @Answers(searchResultsSchema)
  @Get()
  async search(@Query() query: SearchQuery, @CurrentPrincipal() principal: Principal): Promise<SearchResults> {
    const { node, ...request } = defined(query);
    const nodes = node === undefined ? {} : { nodes: await this.map.branch(node) };
    return this.articles.search({ ...request, ...nodes }, { audience: principal.audience, ...(principal.partner ? { partner: principal.partner } : {}) });
  }
}
