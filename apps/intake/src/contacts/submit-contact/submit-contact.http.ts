import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CurrentPrincipal, type Principal } from '@collab/service-kit';
import { SubmitContact, type ContactAccepted } from './submit-contact.command';
import { SubmitContactRequest } from './submit-contact.request';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/v1/contacts')
export class SubmitContactHttp {
  constructor(private readonly commands: CommandBus) {}

  /** Every contact from every channel enters here and is acknowledged at once. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'The contact opened a case.' })
  submit(
    @Body() body: SubmitContactRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ContactAccepted> {
    const actor = { id: principal.subject, kind: principal.audience === 'PARTNER' ? 'partner' : 'user' } as const;
    return this.commands.execute(new SubmitContact(body, actor, correlationId ?? randomUUID()));
  }
}
