import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@collab/event-store';
import type { Contact, Recognition } from '@collab/intake-domain';
import { hashOf, idempotencyOf, randomIds, type IdFor, type IdempotencyRecord } from '../../idempotency/idempotent-requests';
import type { AcceptingChannel } from '../../intake.ports';
import type { ContactOrigin } from './submit-contact.command';
import type { SubmitContactInput } from './submit-contact.request';

/** A screened contact with everything its attempts share: who sent it, and the ids it writes under. */
export interface ContactRequest {
  readonly contact: Omit<Contact, 'contactId' | 'customerId'>;
  readonly channel: AcceptingChannel;
  readonly metadata: EventMetadata;
  /** The id a new case gets; derived from the idempotency key when there is one. */
  readonly caseId: string;
  readonly contactId: string;
  /** The id a requester no channel met before becomes. */
  readonly newCustomerId: string;
  readonly idFor: IdFor;
  readonly idempotency?: IdempotencyRecord;
  /** Whether the phone and email may recognise the requester, or only the customer id the token proves. */
  readonly recognition: Recognition;
}

export const contactRequestOf = (
  screened: Pick<ContactRequest, 'contact' | 'channel'>,
  input: SubmitContactInput,
  origin: ContactOrigin,
  recognition: Recognition,
): ContactRequest => {
  const keyed =
    origin.idempotencyKey === undefined
      ? undefined
      : idempotencyOf({ caller: origin.actor.id, key: origin.idempotencyKey, requestHash: hashOf(input) });
  const idFor = keyed?.idFor ?? randomIds;
  return {
    ...screened,
    metadata: { correlationId: origin.correlationId, actor: origin.actor, ...(origin.from ? { from: origin.from } : {}) },
    caseId: idFor('case'),
    contactId: idFor('contact'),
    newCustomerId: randomUUID(),
    idFor,
    recognition,
    ...(keyed === undefined ? {} : { idempotency: keyed.record }),
  };
};
