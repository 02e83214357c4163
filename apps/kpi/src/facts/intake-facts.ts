import { intakeLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import { NOTHING, caseFact, type Fed } from './fed-fact';

const intake = readerFor(intakeLanguage, { only: ['CaseOpened', 'ContactAppended'] });

/** Intake's published events as KPI facts: each contact received, each case opened with the dimensions every later fact of the case is scoped by. */
export const intakeFacts = (event: CollabEvent): Fed => {
  const message = intake.read(event);
  if (message === undefined) return NOTHING;
  switch (message.type) {
    case 'CaseOpened': {
      const { caseId, channel, audience, region, category, requestType, requester, openedAt } = message.data;
      const dims = { channel, audience, region, category, requestType, ...(requester.partner ? { partner: requester.partner } : {}) };
      return {
        fact: caseFact({ eventId: event.id, kind: 'CaseOpened', caseId, at: openedAt }),
        context: [{ kind: 'case-dims', caseId, dims }, { kind: 'case-count', caseId, counter: 'contacts' }],
      };
    }
    case 'ContactAppended': {
      const { caseId, appendedAt, contact } = message.data;
      return { fact: caseFact({ eventId: event.id, kind: 'ContactReceived', caseId, at: appendedAt }, { dims: { channel: contact.channel } }), context: [{ kind: 'case-count', caseId, counter: 'contacts' }] };
    }
  }
};

/** Opening a case is also receiving its first contact: one more fact from the same event. */
export const openingContact = (event: CollabEvent, fed: Fed): Fed | undefined =>
  fed.fact?.kind === 'CaseOpened' ? { fact: { ...fed.fact, eventId: `${event.id}/contact`, kind: 'ContactReceived' }, context: [] } : undefined;
