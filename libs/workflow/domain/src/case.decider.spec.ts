import { IllegalTransition, specFor } from '@collab/domain-kernel';
import { workflowCaseDecider, type RegisterAndRouteCase } from './case.decider';
import type { CaseSummary, WorkflowCaseEvent } from './case.events';

const now = new Date('2026-11-20T09:30:05.000Z');
const spec = specFor(workflowCaseDecider, { now });

const summary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  caseId: 'case-1', channel: 'APP', audience: 'EXTERNAL', requestType: 'COMPLAINT', category: 'billing',
  region: 'GD-SZ', priority: 'NORMAL', language: 'zh-Hans', subject: '账单金额不对', description: '多扣了 30 元',
  requesterId: 'cust-1', openedAt: '2026-11-20T09:30:00.000Z', ...overrides,
});
const registerAndRoute = (overrides: Partial<CaseSummary> = {}): RegisterAndRouteCase => ({ type: 'RegisterAndRouteCase', summary: summary(overrides) });
const caseRegistered = (overrides: Partial<CaseSummary> = {}): WorkflowCaseEvent => ({ type: 'CaseRegistered', data: summary(overrides) });
const caseAssigned = (queue: string, ruleId: string): WorkflowCaseEvent => ({
  type: 'CaseAssigned', data: { caseId: 'case-1', queue, ruleId, assignedAt: now.toISOString() },
});

describe('taking over a case intake opened', () => {
  it('registers it and assigns it to the queue its rule names', () =>
    spec.given().when(registerAndRoute()).then(caseRegistered(), caseAssigned('complaints', 'complaints')));

  it('falls back to the front line when no rule matches', () =>
    spec.given().when(registerAndRoute({ requestType: 'INQUIRY' }))
      .then(caseRegistered({ requestType: 'INQUIRY' }), caseAssigned('front-line', 'fallback')));

  it('is refused for a case already registered', () =>
    spec.given(caseRegistered(), caseAssigned('complaints', 'complaints')).when(registerAndRoute()).thenThrows(IllegalTransition));
});
