import { Forbidden, holdsAny, type PolicySubject } from '@collab/domain-kernel';
import type { Audience, Requester } from '../contact';
import { identityKeysOf, type IdentityKey } from '../customers/identity';

/** Who submits a contact, as the verified token says. */
export interface Submitter extends PolicySubject {
  readonly subject: string;
  readonly partner?: string;
  readonly unit?: string;
}

/** What a contact claims about whom it is for (fields absent or undefined alike). */
interface ClaimedRequester {
  readonly id?: string | undefined;
  readonly partner?: string | undefined;
  readonly unit?: string | undefined;
}

export interface Claimed<R extends ClaimedRequester = Requester> {
  readonly audience: Audience;
  readonly requester: R;
}

/**
 * How the requester may be recognised: by any key the contact gives (a channel or staff member
 * vouches for the phone and email), or only by the customer id the token proves — a phone or
 * an email typed by a customer is contact data, never proof of who they are. Partner staff vouch
 * for any key too, but only among their partner's customers (`partner-keys`).
 */
export type Recognition = 'any-key' | 'customer-id-only' | 'partner-keys';

export interface SpeakingFor<R extends ClaimedRequester = Requester> {
  readonly requester: R;
  readonly recognition: Recognition;
}

const refuse = (field: string, what: string): never => {
  throw new Forbidden(`${field} must be ${what}: the token speaks only for its own holder`);
};

/** Partner staff submit for their partner's customers, never as the enterprise's own staff. */
const partnerStaffMay = <R extends ClaimedRequester>(submitter: Submitter, claimed: Claimed<R>): SpeakingFor<R> => {
  if (claimed.audience === 'INTERNAL') refuse('audience', `PARTNER or EXTERNAL for partner staff`);
  if (submitter.partner === undefined) refuse('requester.partner', 'named by the token (a partner token without its partner speaks for nobody)');
  if (claimed.requester.partner !== undefined && claimed.requester.partner !== submitter.partner)
    refuse('requester.partner', 'the partner of the token');
  return { requester: { ...claimed.requester, partner: submitter.partner }, recognition: 'partner-keys' };
};

/** A caller without a channel or staff grant: the requester is the token's holder, in the token's audience. */
const speaksForItself = <R extends ClaimedRequester>(submitter: Submitter, claimed: Claimed<R>): SpeakingFor<R> => {
  const { requester, audience } = claimed;
  if (requester.id !== undefined && requester.id !== submitter.subject) refuse('requester.id', 'the subject of the token');
  if (audience !== submitter.audience) refuse('audience', 'the audience of the token');
  if (requester.partner !== undefined && requester.partner !== submitter.partner) refuse('requester.partner', 'the partner of the token');
  return { requester: { ...requester, id: submitter.subject }, recognition: 'customer-id-only' };
};

/**
 * Whom a contact is for, given who submits it. Channels and the enterprise's staff submit on any
 * customer's behalf; partner staff on their partner's customers' behalf; anyone else only for
 * themselves — a claim that disagrees with the token is refused (Forbidden), never silently
 * rewritten, and a missing requester id is the token's subject.
 */
export const speakingFor = <R extends ClaimedRequester>(submitter: Submitter, claimed: Claimed<R>): SpeakingFor<R> => {
  if (holdsAny(submitter, ['channel', 'staff'])) return { requester: claimed.requester, recognition: 'any-key' };
  if (holdsAny(submitter, ['partner-staff'])) return partnerStaffMay(submitter, claimed);
  return speaksForItself(submitter, claimed);
};

/** The keys a contact's requester is recognised (and claimed) by. */
export const recognisedKeysOf = (requester: Requester, recognition: Recognition): IdentityKey[] => {
  const keys = identityKeysOf(requester);
  if (recognition === 'any-key') return keys;
  if (recognition === 'customer-id-only') return keys.filter((key) => key.kind === 'customer-id');
  const partner = requester.partner;
  return partner === undefined ? [] : keys.map((key) => ({ ...key, scope: partner }));
};
