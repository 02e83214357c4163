import type { WorkflowCaseEvent } from '../case.events';
import { assignmentNeedsOf, assignmentTriggersOf } from './assignment-triggers';
import type { AgentEvent } from './org.events';
import { AT, admin } from './org.fixtures';

const event = (type: string, data: object) => ({ type, data }) as WorkflowCaseEvent | AgentEvent;

describe('what may let a waiting case find an owner', () => {
  it.each([
    [
      'a case routed to a queue',
      event('CaseQueued', { caseId: 'c1', queue: 'complaints', ruleId: 'complaints', assignedAt: AT }),
      [{ kind: 'queue', queue: 'complaints' }],
    ],
    [
      'a case transferred',
      event('CaseTransferred', {
        caseId: 'c1',
        from: { queue: 'front-line', region: 'GD' },
        to: { queue: 'billing', region: 'GD' },
        actor: admin,
        reason: 'x',
        transferredAt: AT,
      }),
      [
        { kind: 'previous-owner', caseId: 'c1' },
        { kind: 'queue', queue: 'billing' },
      ],
    ],
    [
      'a case reassigned away',
      event('CaseReassigned', {
        caseId: 'c1',
        queue: 'q',
        fromAgentId: 'agent-li',
        toAgentId: 'agent-wu',
        actor: admin,
        reason: 'x',
        reassignedAt: AT,
      }),
      [{ kind: 'agent', agentId: 'agent-li' }],
    ],
    ['a case resolved', event('CaseResolved', { caseId: 'c1' }), [{ kind: 'previous-owner', caseId: 'c1' }]],
    [
      'a case cancelled',
      event('CaseCancelled', { caseId: 'c1' }),
      [{ kind: 'previous-owner', caseId: 'c1' }],
    ],
    [
      'an agent enrolled',
      event('AgentEnrolled', { agentId: 'agent-li' }),
      [{ kind: 'agent', agentId: 'agent-li' }],
    ],
    [
      'an agent changed',
      event('AgentChanged', { agentId: 'agent-li', capacity: 4 }),
      [{ kind: 'agent', agentId: 'agent-li' }],
    ],
    [
      'an agent back from leave',
      event('AgentReactivated', { agentId: 'agent-li' }),
      [{ kind: 'agent', agentId: 'agent-li' }],
    ],
    ['an agent deactivated', event('AgentDeactivated', { agentId: 'agent-li' }), []],
    ['a case assigned to an agent', event('CaseAssignedToAgent', { caseId: 'c1' }), []],
    ['a case closed after its resolution', event('CaseClosed', { caseId: 'c1' }), []],
    ['an unrelated event', event('TaskAccepted', { taskId: 't1' }), []],
  ])('%s', (_case, fact, triggers) => expect(assignmentTriggersOf(fact)).toEqual(triggers));
});

describe('what a waiting case needs of its owner', () => {
  it('asks for its top category and request type as lowercase skills, and its language', () =>
    expect(
      assignmentNeedsOf({ requestType: 'COMPLAINT', category: 'billing/wrong-charge', language: 'zh-Hans' }),
    ).toEqual({ skills: ['billing', 'complaint'], language: 'zh-Hans', languageRule: 'PREFERRED' }));

  it('adds the skills its queue names, once each, and the queue’s language rule', () =>
    expect(
      assignmentNeedsOf(
        { requestType: 'FAULT', category: 'network', language: 'en' },
        { skills: ['network', 'vip'], languageRule: 'REQUIRED' },
      ),
    ).toEqual({ skills: ['network', 'fault', 'vip'], language: 'en', languageRule: 'REQUIRED' }));
});
