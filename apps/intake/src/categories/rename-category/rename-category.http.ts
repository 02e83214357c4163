import { Body, Controller, Headers, Param, Patch } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, type Principal } from '@collab/service-kit';
import { originOf } from '@collab/service-kit';
import { CategoryCommands } from '../category-commands';
import { CategoryIdParam } from '../category-id.param';
import { RenameCategoryRequest } from './rename-category.request';
import { categoryViewSchema, type CategoryView } from '../../intake.answers';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('api/v1/categories')
export class RenameCategoryHttp {
  constructor(private readonly commands: CategoryCommands) {}

  /** Replaces the category's names; past cases keep the category, under its new names. */
  @Answers(categoryViewSchema)
  @Patch('*id')
  @Roles('admin')
  @ApiParam({
    name: 'id',
    description: 'The category id; its slashes may stay as they are.',
    example: 'billing/wrong-charge',
  })
  @ApiOkResponse({ description: 'The category as it now is.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiNotFoundResponse({ description: 'No category has this id.' })
  @ApiConflictResponse({ description: 'The category is retired.' })
  rename(
    @Param('id', CategoryIdParam) id: string,
    @Body() body: RenameCategoryRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CategoryView> {
    return this.commands.execute(
      { type: 'RenameCategory', categoryId: id, names: body.names },
      originOf(principal, correlationId),
    );
  }
}
