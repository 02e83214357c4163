import type { WorkflowCaseEvent } from './case.events';
import { requesterOutcomeOf, seesCaseInternals, sharedWithRequester } from './requester-view';

const actor = { id: 'agent-lin', kind: 'user' } as const;
const resolved = (resolvedAt: string): WorkflowCaseEvent => ({
  type: 'CaseResolved',
  data: { caseId: 'c1', resolutionCode: 'REFUNDED', knowledgeArticleIds: [], note: 'refunded', actor, resolvedAt },
});
const reopened: WorkflowCaseEvent = { type: 'CaseReopened', data: { caseId: 'c1', queue: 'complaints', agentId: 'agent-lin', waitsForRoom: false, actor, reason: 'again', reopenedAt: '2026-01-02T00:00:00Z' } };
const feedback: WorkflowCaseEvent = { type: 'FeedbackRecorded', data: { caseId: 'c1', csat: 4, comment: 'ok', actor, recordedAt: '2026-01-01T01:00:00Z' } };

describe("the requester's view", () => {
  it.each([
    ['a customer', { audience: 'EXTERNAL', roles: [] }, false],
    ['an unknown role', { audience: 'INTERNAL', roles: ['wizard'] }, false],
    ['an agent', { audience: 'INTERNAL', roles: ['agent'] }, true],
    ['partner staff', { audience: 'PARTNER', roles: ['partner-agent'] }, true],
  ] as const)('%s sees internals: %s', (_who, viewer, expected) => expect(seesCaseInternals(viewer)).toBe(expected));

  it('shares only listed events and fields, never actors', () => {
    expect(sharedWithRequester('CaseResolved', resolved('2026-01-01T00:00:00Z').data)).toEqual({ resolutionCode: 'REFUNDED', note: 'refunded', knowledgeArticleIds: [], resolvedAt: '2026-01-01T00:00:00Z' });
    expect(sharedWithRequester('TaskNoteAdded', { note: '又来了' })).toBeUndefined();
    expect(sharedWithRequester('PingPongDetected', {})).toBeUndefined();
    expect(sharedWithRequester('toString', {})).toBeUndefined();
  });

  it('keeps the standing resolution (a reopen withdraws it) and the latest feedback', () => {
    expect(requesterOutcomeOf([resolved('2026-01-01T00:00:00Z'), feedback])).toMatchObject({ resolution: { resolvedAt: '2026-01-01T00:00:00Z' }, feedback: { csat: 4 } });
    expect(requesterOutcomeOf([resolved('2026-01-01T00:00:00Z'), feedback, reopened])).toMatchObject({ resolution: null, feedback: { csat: 4 } });
  });
});
