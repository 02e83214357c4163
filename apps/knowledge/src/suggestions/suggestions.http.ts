import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Allow, Answers, CurrentPrincipal, defined, type Principal } from '@collab/service-kit';
import { ArticleSuggestions } from '../search/article-suggestions';
import { suggestionsSchema, type Suggestions } from '../knowledge.answers';
import { SuggestionRequestBody } from './suggestion.request';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/suggestions')
// Every caller may ask; what is suggested is filtered by their audience (a channel's token by the audience it serves).
@Allow('requester')
export class SuggestionsHttp {
  constructor(private readonly articles: ArticleSuggestions) {}

  /** The published articles most relevant to a case's or a draft contact's text, for the caller's audience. */
  @Answers(suggestionsSchema, { description: 'The most relevant published articles the caller may see, best first.' })
  @Post()
  @HttpCode(200)
  async suggest(@Body() body: SuggestionRequestBody, @CurrentPrincipal() principal: Principal): Promise<Suggestions> {
    const reader = { audience: principal.audience, ...(principal.partner ? { partner: principal.partner } : {}) };
    return { suggestions: await this.articles.suggest(defined(body), reader) };
  }
}
