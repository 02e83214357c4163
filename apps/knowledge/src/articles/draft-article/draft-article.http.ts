import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, defined, originOf, type Principal } from '@collab/service-kit';
import { EDITOR } from '../../knowledge-roles';
import { ArticleCommands } from '../article-commands';
import { DraftArticleRequest } from '../article.request';
import type { EditorArticleView } from '../article-views';
import { editorArticleSchema } from '../../knowledge.answers';

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
export class DraftArticleHttp {
  constructor(private readonly commands: ArticleCommands) {}

  /** Starts an article as a draft (version 1); `translationOf` links it to another article's knowledge point. */
  @Answers(editorArticleSchema)
  @Post()
  @HttpCode(201)
  @Roles(EDITOR)
  draft(@Body() body: DraftArticleRequest, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<EditorArticleView> {
    const { translationOf, ...content } = defined(body);
    const origin = originOf(principal, correlationId);
    return this.commands.draft({ articleId: randomUUID(), content, ...(translationOf ? { translationOf } : {}), author: origin.actor.id }, origin);
  }
}
