import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { ValidationFailed } from '@collab/domain-kernel';
import { Answers, Allow, CurrentPrincipal, actorOf, type Principal } from '@collab/service-kit';
import { SubmitContact } from './submit-contact.command';
import { SubmitContactRequest } from './submit-contact.request';
import { SubmitContactHandler } from './submit-contact.handler';
import { contactAcceptedSchema, type ContactAccepted } from '../../intake.answers';

/** Keys are opaque to us, but they travel in a header: visible ASCII, bounded. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const idempotencyKeyOf = (header: string | undefined, field = 'Idempotency-Key'): string | undefined => {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) throw new ValidationFailed([{ field, message: 'must be 1 to 255 visible ASCII characters, e.g. a UUID' }]);
  return header;
};

/** Customers submit for themselves; channels and staff (partner staff for their partner) on a customer's behalf. */
export const SUBMITTERS = ['requester', 'channel', 'staff', 'partner-staff'] as const;

@ApiTags('contacts')
@ApiBearerAuth()
@Allow(...SUBMITTERS)
@Controller('api/v1/contacts')
export class SubmitContactHttp {
  constructor(private readonly contacts: SubmitContactHandler) {}

  /** Every contact from every channel enters here and is acknowledged at once. */
  @Answers(contactAcceptedSchema)
  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key with the same body gives the same answer and no second case.' })
  @ApiCreatedResponse({ description: 'The contact opened a case or joined an open one; the answer says which, with the case number and expected times.' })
  @ApiConflictResponse({ description: 'The Idempotency-Key was already used with a different body.' })
  submit(
    @Body() body: SubmitContactRequest,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ContactAccepted> {
    const key = idempotencyKeyOf(idempotencyKey);
    const origin = {
      actor: actorOf(principal),
      correlationId: correlationId ?? randomUUID(),
      ...(key === undefined ? {} : { idempotencyKey: key }),
      ...(principal.from ? { from: principal.from } : {}),
    };
    return this.contacts.execute(new SubmitContact(body, origin, principal));
  }
}
