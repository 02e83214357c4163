import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Allow, Answers, pageOf, pageQueryShape, ValidationFailed, type ListPage } from '@collab/service-kit';
import { SLUG, type HeldGrant } from '@collab/workflow-domain';
import { RoleGrantBook } from '../role-grant-book';
import { grantListSchema } from '../role-grants.answers';

class GrantPageQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/grants')
export class ReadGrantsHttp {
  constructor(private readonly book: RoleGrantBook) {}

  /** The roles granted to one user, per unit, ordered by unit and role. */
  @Answers(grantListSchema, { description: "A page of the user's grants (none for a user never granted anything)." })
  @Get(':userId')
  @Allow('admin')
  async list(@Param('userId') userId: string, @Query() query: GrantPageQuery): Promise<ListPage<HeldGrant>> {
    if (!SLUG.test(userId)) throw new ValidationFailed([{ field: 'userId', message: 'must be a user id: letters, digits, . _ @ - (at most 128)' }]);
    const { grants } = await this.book.of(userId);
    return pageOf(grants, query, (grant) => `${grant.unit}/${grant.role}`);
  }
}
