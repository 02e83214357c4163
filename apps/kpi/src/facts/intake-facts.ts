import { intakeLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import { customerOf } from './customer-keys';
import { NOTHING, caseFact, type Fed } from './fed-fact';

const intake = readerFor(intakeLanguage, { only: ['CaseOpened', 'ContactAppended'] });

/**
 * Intake's published events as KPI facts: each contact received, each case opened with the dimensions
 * every later fact of the case is scoped by, and the customer it came from (the platform's customer id
 * and the requester's own id: a self-service answer names the customer by either).
 */
export const intakeFacts = (event: CollabEvent): Fed => {
  const message = intake.read(event);
  if (message === undefined) return NOTHING;
  switch (message.type) {
    case 'CaseOpened': {
      const { caseId, channel, audience, region, category, requestType, requester, customerId, openedAt } = message.data;
      const dims = { channel, audience, region, category, requestType, ...(requester.partner ? { partner: requester.partner } : {}) };
      return {
        fact: caseFact({ eventId: event.id, kind: 'CaseOpened', caseId, at: openedAt }),
        context: [{ kind: 'case-dims', caseId, dims }, { kind: 'case-count', caseId, counter: 'contacts' }, ...customerOf(event.id, [customerId, requester.id])],
      };
    }
    case 'ContactAppended': {
      const { caseId, appendedAt, contact } = message.data;
      return {
        fact: caseFact({ eventId: event.id, kind: 'ContactReceived', caseId, at: appendedAt }, { dims: { channel: contact.channel } }),
        context: [{ kind: 'case-count', caseId, counter: 'contacts' }, ...customerOf(event.id, [contact.customerId, contact.requester.id])],
      };
    }
  }
};

/** Opening a case is also receiving its first contact: one more fact from the same event, about the same customer. */
export const openingContact = (event: CollabEvent, fed: Fed): Fed | undefined => {
  if (fed.fact?.kind !== 'CaseOpened') return undefined;
  const eventId = `${event.id}/contact`;
  const customer = fed.context.flatMap((change) => (change.kind === 'customer' ? [{ ...change, eventId }] : []));
  return { fact: { ...fed.fact, eventId, kind: 'ContactReceived' }, context: customer };
};
