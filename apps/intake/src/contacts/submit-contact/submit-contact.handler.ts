import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ContactIntake } from './contact-intake';
import { contactRequestOf } from './contact-request';
import { ContactScreening } from './contact-screening';
import { SubmitContact, type ContactAccepted } from './submit-contact.command';

/**
 * 统一接入: a contact from any channel is screened (channel, category, every field), recognised
 * as a customer, placed (its thread's case, the customer's recent case in the same category, or a
 * new one) and acknowledged at once. With an idempotency key, a retry gets the first answer.
 */
@CommandHandler(SubmitContact)
export class SubmitContactHandler implements ICommandHandler<SubmitContact, ContactAccepted> {
  constructor(
    private readonly screening: ContactScreening,
    private readonly intake: ContactIntake,
  ) {}

  async execute({ input, origin }: SubmitContact): Promise<ContactAccepted> {
    const screened = await this.screening.screen(input);
    return this.intake.accept(contactRequestOf(screened, input, origin));
  }
}
