import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answers, Allow, CurrentPrincipal, defined, type Principal } from '@collab/service-kit';
import { ArticleSearch, type SearchResults } from './article-search';
import { SearchQuery } from './search.request';
import { searchResultsSchema } from '../knowledge.answers';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/search')
// Every caller may read; what they see is filtered by their audience (and an editor's role) in the handler.
@Allow('requester')
export class SearchHttp {
  constructor(private readonly articles: ArticleSearch) {}

  /** Published articles for the caller's audience, best match first, then the freshest; `node` includes everything under it. */
  @Answers(searchResultsSchema)
  @Get()
  search(@Query() query: SearchQuery, @CurrentPrincipal() principal: Principal): Promise<SearchResults> {
    return this.articles.searchUnder(defined(query), { audience: principal.audience, ...(principal.partner ? { partner: principal.partner } : {}) });
  }
}
