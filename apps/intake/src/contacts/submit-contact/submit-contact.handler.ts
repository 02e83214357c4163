import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CaseBook, type CaseReceipt, type Recording } from '../../cases/case-book';
import { IdempotentRequests, hashOf, type IdFor } from '../../idempotency/idempotent-requests';
import { CasePlacement, type Placement } from './case-placement';
import { ContactScreening, type ScreenedContact } from './contact-screening';
import { SubmitContact, type ContactAccepted } from './submit-contact.command';

const randomIds: IdFor = () => randomUUID();

/**
 * 统一接入: a contact from any channel is screened (channel, category, every field), recognised
 * as a customer, placed (its thread's case, the customer's recent case in the same category, or a
 * new one) and acknowledged at once. With an idempotency key, a retry gets the first answer.
 */
@CommandHandler(SubmitContact)
export class SubmitContactHandler implements ICommandHandler<SubmitContact, ContactAccepted> {
  constructor(
    private readonly screening: ContactScreening,
    private readonly placement: CasePlacement,
    private readonly cases: CaseBook,
    private readonly idempotent: IdempotentRequests,
  ) {}

  async execute({ input, origin }: SubmitContact): Promise<ContactAccepted> {
    const screened = await this.screening.screen(input);
    const metadata = { correlationId: origin.correlationId, actor: origin.actor };
    if (origin.idempotencyKey === undefined) return this.accept(screened, { metadata, idFor: randomIds });
    const scope = { caller: origin.actor.id, key: origin.idempotencyKey, requestHash: hashOf(input) };
    return this.idempotent.run(scope, (idFor) => this.accept(screened, { metadata, idFor }));
  }

  private async accept({ contact, channel }: ScreenedContact, recording: Recording): Promise<ContactAccepted> {
    const newCaseId = recording.idFor('case');
    const { customerId, placement } = await this.placement.place({
      requester: contact.requester,
      category: contact.category,
      ...(contact.threadRef === undefined ? {} : { threadRef: contact.threadRef }),
      newCaseId,
      ...recording,
    });
    const recognised = { ...contact, contactId: recording.idFor('contact'), customerId };
    const joined = await this.joinIfPlaced(placement, recognised, recording);
    const receipt = joined ?? (await this.cases.open(newCaseId, recognised, channel.calendarId, recording));
    await this.placement.rememberThread(contact.threadRef, placement, receipt.caseId, recording.metadata.correlationId);
    return answerOf(receipt, recognised, placement, joined !== undefined);
  }

  private async joinIfPlaced(placement: Placement, contact: Parameters<CaseBook['join']>[1], recording: Recording): Promise<CaseReceipt | undefined> {
    return placement.kind === 'join' ? this.cases.join(placement.caseId, contact, placement.reason, recording) : undefined;
  }
}

type Recognised = { readonly contactId: string; readonly customerId: string };

/**
 * The customer is the one who made this contact, even when it joined a colleague's thread. A join
 * that found no case to join (its opener failed) opened this contact's own case instead.
 */
const answerOf = (receipt: CaseReceipt, contact: Recognised, placement: Placement, joinedIt: boolean): ContactAccepted => {
  const joined = placement.kind === 'join' && joinedIt ? placement : undefined;
  return {
    caseId: receipt.caseId,
    caseNumber: receipt.caseNumber,
    contactId: contact.contactId,
    customerId: contact.customerId,
    status: 'ACKNOWLEDGED',
    joinedExistingCase: joined !== undefined,
    ...(joined === undefined ? {} : { joinReason: joined.reason }),
    ...(placement.previousCaseId === undefined ? {} : { previousCaseId: placement.previousCaseId }),
    acknowledgement: receipt.acknowledgement,
  };
};
