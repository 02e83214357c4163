import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { EDITOR, REVIEWER } from '../../knowledge-roles';
import { ArticleCommands } from '../article-commands';
import { ArchiveArticleRequest, RejectArticleRequest } from '../article.request';
import type { EditorArticleView } from '../article-views';
import { editorArticleSchema } from '../../knowledge.answers';

/** draft → in review → published (or back to draft with a reason); archived from any state but archived. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
export class ReviewArticleHttp {
  constructor(private readonly commands: ArticleCommands) {}

  @Answers(editorArticleSchema)
  @Post(':id/submit')
  @HttpCode(200)
  @Roles(EDITOR)
  submit(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<EditorArticleView> {
    const origin = originOf(principal, correlationId);
    return this.commands.execute({ type: 'SubmitArticle', articleId: id, by: origin.actor.id }, origin);
  }

  /** Publishes the version in review; a reviewer who wrote part of it is refused (403). */
  @Answers(editorArticleSchema)
  @Post(':id/approve')
  @HttpCode(200)
  @Roles(REVIEWER)
  approve(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Headers('x-correlation-id') correlationId?: string): Promise<EditorArticleView> {
    const origin = originOf(principal, correlationId);
    return this.commands.execute({ type: 'ApproveArticle', articleId: id, reviewer: origin.actor.id }, origin);
  }

  @Answers(editorArticleSchema)
  @Post(':id/reject')
  @HttpCode(200)
  @Roles(REVIEWER)
  reject(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RejectArticleRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<EditorArticleView> {
    const origin = originOf(principal, correlationId);
    return this.commands.execute({ type: 'RejectArticle', articleId: id, reviewer: origin.actor.id, reason: body.reason }, origin);
  }

  @Answers(editorArticleSchema)
  @Post(':id/archive')
  @HttpCode(200)
  @Roles(EDITOR, REVIEWER)
  archive(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ArchiveArticleRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<EditorArticleView> {
    const origin = originOf(principal, correlationId);
    return this.commands.execute({ type: 'ArchiveArticle', articleId: id, by: origin.actor.id, ...(body.reason ? { reason: body.reason } : {}) }, origin);
  }
}
