import { Inject, Injectable } from '@nestjs/common';
import type { StreamAppend, StreamSnapshot } from '@collab/event-store';
import {
  idempotencyDecider,
  intakeCaseDecider,
  placeContact,
  type Contact,
  type Placement,
} from '@collab/intake-domain';
import { CLOCK, type Clock } from '@collab/service-kit';
import { CaseBook, receiptOf, receiptOfOpening, type CaseReceipt } from '../../cases/case-book';
import {
  customerAppend,
  idempotencyAppend,
  identityClaims,
  joiningAppend,
  openingAppend,
  threadAppend,
  type ContactAppends,
  type Decided,
} from './contact-appends';
import { JoinWindow } from '../join-window/join-window';
import { ContactFactsReader, type ContactFacts } from './contact-facts';
import type { ContactRequest } from './contact-request';
import type { ContactAccepted } from '../../intake.answers';

/** What one attempt decided: the answer, or the streams to write and the answer they give. */
export type Decision =
  | { readonly kind: 'answered'; readonly answer: ContactAccepted }
  | { readonly kind: 'write'; readonly appends: ContactAppends; readonly answer: ContactAccepted };

/**
 * Decides a contact on what was read (the deciders of libs/intake/domain do the deciding): the
 * answer already given for its key, or where it goes (its thread's case, the customer's recent
 * case in the category, or a new one, numbered and acknowledged) and what each stream records.
 */
@Injectable()
export class ContactDecisions {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly joinWindow: JoinWindow,
    private readonly cases: CaseBook,
    private readonly reader: ContactFactsReader,
  ) {}

  async decide(request: ContactRequest, facts: ContactFacts, snapshot: StreamSnapshot): Promise<Decision> {
    const now = this.clock.now();
    const replayed = replayOf(facts, request, now);
    if (replayed) return { kind: 'answered', answer: replayed };
    const decided: Decided = { now, request, facts, windowMinutes: await this.joinWindow.minutes() };
    const placement = placeContact(
      { newCaseId: request.caseId, category: request.contact.category, windowMinutes: decided.windowMinutes, customer: facts.customer.state, ...(facts.threadCase ? { threadCase: facts.threadCase } : {}) },
      now,
    );
    const joined = placement.kind === 'join' ? await this.join(decided, placement, snapshot) : undefined;
    return joined ?? this.open(decided, placement);
  }

  /** Undefined when the case to join was never written (its opener failed): the contact then opens its own. */
  private async join(decided: Decided, placement: Extract<Placement, { kind: 'join' }>, snapshot: StreamSnapshot): Promise<Decision | undefined> {
    const target = await this.reader.openCase(snapshot, placement.caseId);
    if (!target) return undefined;
    const contact = recognised(decided);
    const receipt = receiptOf(target.state);
    const answer = answerOf(receipt, contact, placement, true);
    const caseAppend = joiningAppend(decided, { caseId: placement.caseId, state: target.state, contact, reason: placement.reason });
    const bound = { caseId: receipt.caseId, customerId: receipt.customerId, ...previousOf(placement) };
    return { kind: 'write', answer, appends: this.appendsOf(decided, { placement, caseAppend, bound, answer }) };
  }

  private async open(decided: Decided, placement: Placement): Promise<Decision> {
    const { request, facts, now } = decided;
    const contact = recognised(decided);
    const opening: Placement = { kind: 'open', caseId: request.caseId, ...previousOf(placement) };
    // With a key, an earlier attempt may have opened the case already (a store without multi-stream transactions).
    const own = facts.ownCase?.state.status === 'open' ? facts.ownCase.state : undefined;
    const command = own ? undefined : await this.cases.openCommand(request.caseId, contact, request.channel.calendarId, now);
    const events = command ? intakeCaseDecider.decide(command, intakeCaseDecider.initialState(), { now }) : [];
    const receipt = own ? receiptOf(own) : receiptOfOpening(events);
    const answer = answerOf(receipt, contact, opening, false);
    const caseAppend = own ? undefined : openingAppend(decided, events);
    const bound = { caseId: receipt.caseId, customerId: receipt.customerId, ...previousOf(placement) };
    return { kind: 'write', answer, appends: this.appendsOf(decided, { placement: opening, caseAppend, bound, answer }) };
  }

  private appendsOf(
    decided: Decided,
    parts: { placement: Placement; caseAppend: StreamAppend | undefined; bound: Parameters<typeof threadAppend>[1]; answer: ContactAccepted },
  ): ContactAppends {
    const customer = customerAppend(decided, parts.placement);
    const thread = threadAppend(decided, parts.bound);
    const idempotency = idempotencyAppend(decided, parts.answer);
    return {
      core: [...identityClaims(decided), ...(customer ? [customer] : []), ...(parts.caseAppend ? [parts.caseAppend] : [])],
      ...(thread ? { thread } : {}),
      ...(idempotency ? { idempotency } : {}),
    };
  }
}

/** The answer already given for this key (another body with the key is refused: Conflict, 409); undefined when there is none yet. */
const replayOf = (facts: ContactFacts, request: ContactRequest, now: Date): ContactAccepted | undefined => {
  const record = facts.idempotency;
  if (!record || !request.idempotency) return undefined;
  idempotencyDecider.decide({ type: 'AnswerRequest', requestHash: request.idempotency.requestHash, answer: {} }, record.state, { now });
  return record.state.status === 'completed' ? (record.state.answer as unknown as ContactAccepted) : undefined;
};

const recognised = ({ request, facts }: Decided): Contact & { customerId: string } => ({
  ...request.contact,
  contactId: request.contactId,
  customerId: facts.customerId,
});

const previousOf = (placement: Placement): { previousCaseId?: string } =>
  placement.previousCaseId === undefined ? {} : { previousCaseId: placement.previousCaseId };

/** The customer is the one who made this contact, even when it joined a colleague's thread. */
const answerOf = (receipt: CaseReceipt, contact: Contact & { customerId: string }, placement: Placement, joined: boolean): ContactAccepted => ({
  caseId: receipt.caseId,
  caseNumber: receipt.caseNumber,
  contactId: contact.contactId,
  customerId: contact.customerId,
  status: 'ACKNOWLEDGED',
  joinedExistingCase: joined,
  ...(joined && placement.kind === 'join' ? { joinReason: placement.reason } : {}),
  ...previousOf(placement),
  acknowledgement: receipt.acknowledgement,
});
