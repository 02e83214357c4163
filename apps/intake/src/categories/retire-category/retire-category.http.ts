import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, defined, type Principal } from '@collab/service-kit';
import { originOf } from '@collab/service-kit';
import { CategoryCommands } from '../category-commands';
import { CategoryIdParam } from '../category-id.param';
import { RetireCategoryRequest } from './retire-category.request';
import { categoryViewSchema, type CategoryView } from '../../intake.answers';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('api/v1/categories')
export class RetireCategoryHttp {
  constructor(private readonly commands: CategoryCommands) {}

  /** New contacts may no longer use the category nor anything under it; past cases keep it. */
  @Answers(categoryViewSchema)
  @Post('*id/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam({
    name: 'id',
    description: 'The category id; its slashes may stay as they are.',
    example: 'billing/wrong-charge',
  })
  @ApiOkResponse({ description: 'The category, retired.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiNotFoundResponse({ description: 'No category has this id.' })
  @ApiConflictResponse({ description: 'The category is already retired.' })
  retire(
    @Param('id', CategoryIdParam) id: string,
    @Body() body: RetireCategoryRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CategoryView> {
    return this.commands.execute(
      { type: 'RetireCategory', categoryId: id, ...defined(body) },
      originOf(principal, correlationId),
    );
  }
}
