import { knowledgeLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import { NOTHING, type Fed } from './fed-fact';

const knowledge = readerFor(knowledgeLanguage, { only: ['SelfServiceResolved'] });

/**
 * Knowledge's published self-service resolutions as KPI facts: a customer said an article solved it
 * before submitting a contact, so no case was opened (knowledge's contract). Knowledge publishes
 * nothing that links a later case to such an answer, so each one counts as not having become a case.
 */
export const knowledgeFacts = (event: CollabEvent): Fed => {
  const message = knowledge.read(event);
  if (message === undefined) return NOTHING;
  const { articleId, channel, resolvedAt } = message.data;
  return {
    fact: { eventId: event.id, kind: 'SelfServiceAnswered', at: resolvedAt, caseId: null, taskId: null, dims: channel === undefined ? {} : { channel }, attrs: { becameCase: false, articleId } },
    context: [],
  };
};
