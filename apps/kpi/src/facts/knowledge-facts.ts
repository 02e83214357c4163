import { knowledgeLanguage, readerFor, type CollabEvent } from '@collab/contracts';
import { customerOf } from './customer-keys';
import { NOTHING, type Fed } from './fed-fact';

const knowledge = readerFor(knowledgeLanguage, { only: ['SelfServiceResolved'] });

/**
 * Knowledge's published self-service resolutions as KPI facts: a customer said an article solved it
 * before submitting a contact. The customer it names (the caller's own id, or the one a channel or
 * agent acted for) links it to a case the same customer opens later: knowledge deflection counts it
 * only if none follows within its window (follow-up-settling.ts).
 */
export const knowledgeFacts = (event: CollabEvent): Fed => {
  const message = knowledge.read(event);
  if (message === undefined) return NOTHING;
  const { articleId, channel, customerId, resolvedAt } = message.data;
  // `becameCase` is not the judgement (the follow-up is): the built-in's first version, still seeded
  // in databases made before the follow-up existed, filters on it and keeps counting every answer.
  const attrs = { becameCase: false, articleId };
  return {
    fact: { eventId: event.id, kind: 'SelfServiceAnswered', at: resolvedAt, caseId: null, taskId: null, dims: channel === undefined ? {} : { channel }, attrs },
    context: customerOf(event.id, [customerId]),
  };
};
