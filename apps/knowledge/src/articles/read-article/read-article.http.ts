import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { VersionDiff } from '@collab/knowledge-domain';
import { Answers, Allow, CurrentPrincipal, ValidationFailed, pageOf, uuidParam, type ListPage, type Principal } from '@collab/service-kit';
import { ArticleReader } from '../article-reader';
import { DiffQuery, VersionsQuery } from '../article.request';
import type { EditorArticleView, PublishedArticleView, VersionView } from '../article-views';
import { articleSchema, versionDiffSchema, versionListSchema, versionSchema } from '../../knowledge.answers';

const versionParam = new ParseIntPipe({ exceptionFactory: () => new ValidationFailed([{ field: 'n', message: 'must be a version number' }]) });

/** Readers get the published version for their audience; editors and reviewers the draft too, and every version. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
// Every caller may read; what they see is filtered by their audience (and an editor's role) in the handler.
@Allow('requester')
export class ReadArticleHttp {
  constructor(private readonly reader: ArticleReader) {}

  @Answers(articleSchema)
  @Get(':id')
  article(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<PublishedArticleView | EditorArticleView> {
    return this.reader.article(id, principal);
  }

  /** Oldest first, a page at a time (`?limit=&after=`). */
  @Answers(versionListSchema)
  @Get(':id/versions')
  async versions(@Param('id', uuidParam('id')) id: string, @Query() query: VersionsQuery, @CurrentPrincipal() principal: Principal): Promise<ListPage<VersionView>> {
    // Zero-padded, so the cursor's code-point order is the versions' numeric order.
    return pageOf(await this.reader.versions(id, principal), query, (version) => String(version.version).padStart(10, '0'));
  }

  @Answers(versionSchema)
  @Get(':id/versions/:n')
  version(@Param('id', uuidParam('id')) id: string, @Param('n', versionParam) n: number, @CurrentPrincipal() principal: Principal): Promise<VersionView> {
    return this.reader.version(id, n, principal);
  }

  /** `?from=1&to=3`: the fields that changed and a line diff of the body. */
  @Answers(versionDiffSchema)
  @Get(':id/diff')
  diff(@Param('id', uuidParam('id')) id: string, @Query() query: DiffQuery, @CurrentPrincipal() principal: Principal): Promise<VersionDiff> {
    return this.reader.diff(id, query.from, query.to, principal);
  }
}
