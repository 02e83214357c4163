import { Body, Controller, Headers, Param, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ArticleContent } from '@collab/knowledge-domain';
import { Answers, CurrentPrincipal, Roles, defined, originOf, uuidParam, type Principal } from '@collab/service-kit';
import { EDITOR } from '../../knowledge-roles';
import { ArticleCommands } from '../article-commands';
import { PatchArticleRequest, ReplaceArticleRequest } from '../article.request';
import type { EditorArticleView } from '../article-views';
import { editorArticleSchema } from '../../knowledge.answers';

/** The patch over the version an edit starts from: a field given replaces it, `null` clears it. */
const patched = (base: ArticleContent, patch: Record<string, unknown>): ArticleContent => {
  const merged: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete merged[field];
    else if (value !== undefined) merged[field] = value;
  }
  return merged as unknown as ArticleContent;
};

/**
 * Editing makes a new version: of the draft, or a new draft over the published version, which
 * readers keep seeing until the new one is approved.
 */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
@Roles(EDITOR)
export class EditArticleHttp {
  constructor(private readonly commands: ArticleCommands) {}

  @Answers(editorArticleSchema)
  @Put(':id')
  replace(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ReplaceArticleRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<EditorArticleView> {
    return this.commands.edit(id, defined(body), originOf(principal, correlationId));
  }

  @Answers(editorArticleSchema)
  @Patch(':id')
  async patch(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: PatchArticleRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<EditorArticleView> {
    const state = await this.commands.load(id);
    const pending = state.status === 'archived' ? undefined : state.pending;
    const base = pending ?? ('live' in state ? state.live : undefined);
    // An archived article has nothing to start from; the decider refuses the edit with the reason.
    const content = base ? patched(base.content, body as Record<string, unknown>) : (body as unknown as ArticleContent);
    return this.commands.edit(id, content, originOf(principal, correlationId));
  }
}
