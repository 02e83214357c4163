import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { NotFound, ValidationFailed } from '@collab/domain-kernel';
import { Answers, Allow, CurrentPrincipal, isUuid, pageQueryShape, type ListPage, type Principal } from '@collab/service-kit';
import { CaseRecords } from '../../cases/case-records';
import { CustomerIdentities } from '../customer-identities';
import { customerCasesSchema, type CaseOverview } from '../../intake.answers';

class CustomerCasesPage extends createZodDto(z.strictObject(pageQueryShape)) {}

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
  @ApiOkResponse({ description: 'The cases the caller may see, newest first; `page.next` is the `after` of the next page.' })
  async list(@Param('id') id: string, @Query() page: CustomerCasesPage, @CurrentPrincipal() principal: Principal): Promise<ListPage<CaseOverview>> {
    const customerId = await this.customerIdOf(id, principal);
    return this.records.ofCustomer(customerId, principal, page);
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
