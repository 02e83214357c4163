import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answers, Allow, CurrentPrincipal, ValidationFailed, cursorOf, defined, keyAfter, type ListPage, type Principal } from '@collab/service-kit';
import { ArticleSearch } from './article-search';
import { MAX_SEARCH_OFFSET, SearchQuery } from './search.request';
import { searchResultsSchema, type SearchHit } from '../knowledge.answers';

/** A ranking has no key to page after, so a search cursor holds the offset its page starts at. */
const offsetAfter = (after: string | undefined): number | undefined => {
  const key = keyAfter(after);
  if (key === undefined) return undefined;
  const offset = /^\d{1,6}$/.test(key) ? Number(key) : NaN;
  if (!(offset <= MAX_SEARCH_OFFSET)) throw new ValidationFailed([{ field: 'after', message: 'must be a cursor from an earlier page' }]);
  return offset;
};

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/search')
// Every caller may read; what they see is filtered by their audience (and an editor's role) in the handler.
@Allow('requester')
export class SearchHttp {
  constructor(private readonly articles: ArticleSearch) {}

  /**
   * Published articles for the caller's audience: best match first, then the freshest and the most
   * helpful; `node` includes everything under it. `page.total` counts only what the caller may see.
   */
  @Answers(searchResultsSchema)
  @Get()
  async search(@Query() query: SearchQuery, @CurrentPrincipal() principal: Principal): Promise<ListPage<SearchHit>> {
    const { page, limit, after, ...filters } = defined(query);
    const offset = offsetAfter(after) ?? ((page ?? 1) - 1) * limit;
    const found = await this.articles.searchUnder({ ...filters, offset, limit }, { audience: principal.audience, ...(principal.partner ? { partner: principal.partner } : {}) });
    const next = offset + limit < found.total && offset + limit <= MAX_SEARCH_OFFSET ? cursorOf(String(offset + limit)) : null;
    return { items: found.hits, page: { limit, next, total: found.total } };
  }
}
