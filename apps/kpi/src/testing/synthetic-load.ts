import type { CollabEvent } from '@collab/contracts';
import { intakeEvent, workflowEvent } from './published-events';

const actor = { id: 'agent-1', kind: 'user' };
const minutes = (base: number, add: number) => new Date(base + add * 60_000).toISOString();

/** `cases` cases of five events each (opened, queued, responded, resolved, closed), spread over November 2026 working hours. */
export const syntheticCases = (cases: number): CollabEvent[] => {
  const events: CollabEvent[] = [];
  for (let index = 0; index < cases; index += 1) {
    const caseId = `${index.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const base = Date.parse('2026-11-02T01:00:00Z') + (index % 20) * 86_400_000 + (index % 7) * 3_600_000;
    events.push(
      intakeEvent('CaseOpened', `case-${caseId}`, { caseId, channel: index % 2 ? 'app' : 'web', requester: {}, region: 'GD', openedAt: minutes(base, 0), occurredAt: minutes(base, 0) }),
      workflowEvent('CaseQueued', `wcase-${caseId}`, { caseId, queue: 'q-complaints', queuedAt: minutes(base, 0) }),
      workflowEvent('CaseWorkStarted', `wcase-${caseId}`, { caseId, agentId: `agent-${index % 50}`, actor, startedAt: minutes(base, 5 + (index % 30)) }),
      workflowEvent('CaseResolved', `wcase-${caseId}`, { caseId, actor, resolvedAt: minutes(base, 60 + (index % 90)) }),
      workflowEvent('CaseClosed', `wcase-${caseId}`, { caseId, closure: 'CONFIRMED_BY_REQUESTER', actor, closedAt: minutes(base, 200) }),
    );
  }
  return events;
};
