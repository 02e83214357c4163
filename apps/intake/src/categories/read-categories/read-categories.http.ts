import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { CategoryDirectory } from '../category-directory';
import { CategoryIdParam } from '../category-id.param';
import { CategoryTree } from './category-tree';
import { ReadCategoriesQuery } from './read-categories.request';
import { Answers, Allow, pageOf, type ListPage } from '@collab/service-kit';
import { categoryTreeSchema, categoryViewSchema, type CategoryView, type CategoryNode } from '../../intake.answers';

/** Any authenticated caller may see the tree contacts are filed under. */
@ApiTags('categories')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/categories')
export class ReadCategoriesHttp {
  constructor(
    private readonly tree: CategoryTree,
    private readonly directory: CategoryDirectory,
  ) {}

  @Answers(categoryTreeSchema)
  @Get()
  @ApiOkResponse({
    description:
      'A page of the roots, each with its children, ordered by id; retired ones only with includeRetired=true.',
  })
  async list(@Query() query: ReadCategoriesQuery): Promise<ListPage<CategoryNode>> {
    return pageOf(await this.tree.roots({ includeRetired: query.includeRetired }), query, (root) => root.id);
  }

  @Answers(categoryViewSchema)
  @Get('*id')
  @ApiParam({
    name: 'id',
    description: 'The category id; its slashes may stay as they are.',
    example: 'billing/wrong-charge',
  })
  @ApiOkResponse({ description: 'The category, as of the last command on it.' })
  @ApiNotFoundResponse({ description: 'No category has this id.' })
  get(@Param('id', CategoryIdParam) id: string): Promise<CategoryView> {
    return this.directory.require(id);
  }
}
