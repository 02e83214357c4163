import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Answers, CurrentPrincipal, Roles, defined, type Principal } from '@collab/service-kit';
import { originOf } from '@collab/service-kit';
import { CategoryCommands } from '../category-commands';
import { DefineCategoryRequest } from './define-category.request';
import { categoryViewSchema, type CategoryView } from '../../intake.answers';

@ApiTags('categories')
@ApiBearerAuth()
@Controller('api/v1/categories')
export class DefineCategoryHttp {
  constructor(private readonly commands: CategoryCommands) {}

  /** Adds a category to the tree, under an active parent (`billing/refund` under `billing`) or as a root. */
  @Answers(categoryViewSchema)
  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiCreatedResponse({ description: 'The category as defined.' })
  @ApiForbiddenResponse({ description: 'The caller is not an admin.' })
  @ApiConflictResponse({ description: 'A category with this id already exists.' })
  define(
    @Body() body: DefineCategoryRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CategoryView> {
    const { id, ...definition } = defined(body);
    return this.commands.execute(
      { type: 'DefineCategory', categoryId: id, ...definition },
      originOf(principal, correlationId),
    );
  }
}
