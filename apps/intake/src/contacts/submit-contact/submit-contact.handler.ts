import { Injectable } from '@nestjs/common';
import { speakingFor } from '@collab/intake-domain';
import { ContactIntake } from './contact-intake';
import { contactRequestOf } from './contact-request';
import { ContactScreening } from './contact-screening';
import { SubmitContact } from './submit-contact.command';
import type { ContactAccepted } from '../../intake.answers';

/**
 * 统一接入: a contact from any channel is screened (channel, category, every field), recognised
 * as a customer, placed (its thread's case, the customer's recent case in the same category, or a
 * new one) and acknowledged at once. With an idempotency key, a retry gets the first answer.
 *
 * REST and gRPC call it directly, as every other command's adapters call theirs. It is the one
 * command that writes several streams at once (the customer, the case, the thread, the key), so
 * ContactIntake runs the same steps as CommandHandler over all of them: read, decide, append
 * every stream with its expected version in one transaction, decide again on a conflict.
 */
@Injectable()
export class SubmitContactHandler {
  constructor(
    private readonly screening: ContactScreening,
    private readonly intake: ContactIntake,
  ) {}

  async execute({ input, origin, submitter }: SubmitContact): Promise<ContactAccepted> {
    const speaking = speakingFor(submitter, input);
    const claimed = { ...input, requester: speaking.requester };
    const screened = await this.screening.screen(claimed);
    return this.intake.accept(contactRequestOf(screened, claimed, origin, speaking.recognition));
  }
}
