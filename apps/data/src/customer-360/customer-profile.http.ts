import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { ValidationFailed } from '@collab/domain-kernel';
import { Allow, Answers, CurrentPrincipal, isUuid, type Principal } from '@collab/service-kit';
import { CustomerProfiles } from './customer-profiles';
import { customerProfileSchema, type CustomerProfile } from './customer-profile.answers';

@ApiTags('customers')
@ApiBearerAuth()
// Every caller may ask; which cases they see (own, any, or those their partner has tasks on) is decided in CustomerProfiles.
@Allow('requester')
@Controller('api/v1/customers')
export class CustomerProfileHttp {
  constructor(private readonly profiles: CustomerProfiles) {}

  /** Customer 360: contacts from every channel, cases with status and promise, collaboration legs, CSAT, tags, articles, one timeline. */
  @Answers(customerProfileSchema, { description: 'The customer\'s 360° view, with the cases the caller may see.' })
  @Get(':id/profile')
  @ApiParam({ name: 'id', description: 'The customer id, or `me` for the calling customer.' })
  async profile(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<CustomerProfile> {
    const customerId = await this.customerIdOf(id, principal);
    return this.profiles.profile(customerId, principal);
  }

  private customerIdOf(id: string, principal: Principal): Promise<string> {
    if (id === 'me') return this.profiles.customerOfCaller(principal);
    if (!isUuid(id)) throw new ValidationFailed([{ field: 'id', message: 'must be a customer id (UUID) or me' }]);
    return Promise.resolve(id);
  }
}
