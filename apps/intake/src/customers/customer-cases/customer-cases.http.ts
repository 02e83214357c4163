import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { NotFound, ValidationFailed } from '@collab/domain-kernel';
import { Answers, Allow, CurrentPrincipal, instantSchema, isUuid, type Principal } from '@collab/service-kit';
import { CaseRecords, type CaseOverview } from '../../cases/case-records';
import { CustomerIdentities } from '../customer-identities';
import { customerCasesSchema } from '../../intake.answers';

const pageSchema = z
  .object({
    limit: z.coerce.number().int().min(1, { message: 'must be 1 to 200' }).max(200, { message: 'must be 1 to 200' }).default(50),
    before: instantSchema().optional(),
  })
  .strict();

class CustomerCasesPage extends createZodDto(pageSchema) {}

@ApiTags('customers')
@ApiBearerAuth()
@Allow('requester')
@Controller('api/v1/customers')
export class CustomerCasesHttp {
  constructor(
    private readonly records: CaseRecords,
    private readonly identities: CustomerIdentities,
  ) {}

  /**
   * A customer's cases across every channel, newest first. `me` is the caller's own customer
   * (recognised by the customer id in their token). A requester sees only their own cases.
   */
  @Answers(customerCasesSchema)
  @Get(':id/cases')
  @ApiParam({ name: 'id', description: 'The customer id from a contact answer, or `me`.' })
  @ApiOkResponse({ description: 'The cases the caller may see, newest first; page on with `before` = the last openedAt.' })
  async list(@Param('id') id: string, @Query() page: CustomerCasesPage, @CurrentPrincipal() principal: Principal): Promise<{ cases: CaseOverview[] }> {
    const customerId = await this.customerIdOf(id, principal);
    const cases = await this.records.ofCustomer(customerId, principal, { limit: page.limit, ...(page.before ? { before: page.before } : {}) });
    return { cases };
  }

  private async customerIdOf(id: string, principal: Principal): Promise<string> {
    if (id !== 'me') {
      if (!isUuid(id)) throw new ValidationFailed([{ field: 'id', message: 'must be a customer id (UUID) or me' }]);
      return id;
    }
    const own = await this.identities.customerOf({ kind: 'customer-id', value: principal.subject });
    if (!own) throw new NotFound('customer', 'me');
    return own;
  }
}
