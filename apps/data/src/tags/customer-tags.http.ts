import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { TAG_PATTERN } from '@collab/data-domain';
import { ValidationFailed } from '@collab/domain-kernel';
import { Allow, Answers, CurrentPrincipal, isUuid, pageOf, pageQueryShape, type ListPage, type Principal } from '@collab/service-kit';
import { CustomerProfiles } from '../customer-360/customer-profiles';
import { CustomerTags } from './customer-tags';
import { customerTagListSchema, taggedCustomerListSchema, type CustomerTag, type TaggedCustomer } from './tags.answers';

class TagPageQuery extends createZodDto(z.strictObject(pageQueryShape)) {}

/** A customer's tags, and the customers holding a tag (客户标签库). */
@ApiTags('data')
@ApiBearerAuth()
@Controller('api/v1')
export class CustomerTagsHttp {
  constructor(
    private readonly tags: CustomerTags,
    private readonly profiles: CustomerProfiles,
  ) {}

  /** As Customer 360 is read: the customer their own (`me` or their id), staff any; a partner those whose cases it serves. */
  @Allow('requester')
  @Answers(customerTagListSchema, { description: "The customer's tags now." })
  @Get('customers/:id/tags')
  @ApiParam({ name: 'id', description: 'The customer id, or `me` for the calling customer.' })
  async ofCustomer(@Param('id') id: string, @Query() query: TagPageQuery, @CurrentPrincipal() principal: Principal): Promise<ListPage<CustomerTag>> {
    const customerId = await this.customerIdOf(id, principal);
    await this.profiles.requireVisible(customerId, principal);
    return pageOf(await this.tags.of(customerId), query, (tag) => tag.tag);
  }

  @Allow('staff', 'analyst')
  @Answers(taggedCustomerListSchema, { description: 'The customers holding the tag now, by customer id.' })
  @Get('data/tags/:tag/customers')
  holding(@Param('tag') tag: string, @Query() query: TagPageQuery): Promise<ListPage<TaggedCustomer>> {
    if (!TAG_PATTERN.test(tag)) throw new ValidationFailed([{ field: 'tag', message: 'must be lower-case letters, digits and dashes (at most 63), e.g. at-risk' }]);
    return this.tags.holding(tag, query);
  }

  private customerIdOf(id: string, principal: Principal): Promise<string> {
    if (id === 'me') return this.profiles.customerOfCaller(principal);
    if (!isUuid(id)) throw new ValidationFailed([{ field: 'id', message: 'must be a customer id (UUID) or me' }]);
    return Promise.resolve(id);
  }
}
