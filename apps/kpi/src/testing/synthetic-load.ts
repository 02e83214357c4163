import type { CollabEvent } from '@collab/contracts';
import { intakeEvent, knowledgeEvent, workflowEvent } from './published-events';

const actor = { id: 'agent-1', kind: 'user' };
const minutes = (base: number, add: number) => new Date(base + add * 60_000).toISOString();
const hex = (index: number, width = 8) => index.toString(16).padStart(width, '0');

/** The directory the synthetic cases are attributed by: two units on the working calendar, the queue in the first. */
const directory = (): CollabEvent[] => [
  workflowEvent('UnitDefined', 'unit-bench-front', { unitId: 'bench-front', parentId: null, level: 'CITY', calendarId: 'cn-standard', definedAt: '2026-11-01T00:00:00.000Z' }),
  workflowEvent('UnitDefined', 'unit-bench-billing', { unitId: 'bench-billing', parentId: null, level: 'DEPARTMENT', calendarId: 'cn-standard', definedAt: '2026-11-01T00:00:00.000Z' }),
  workflowEvent('QueueDefined', 'queue-q-complaints', { queueId: 'q-complaints', unitId: 'bench-front', definedAt: '2026-11-01T00:00:00.000Z' }),
];

/**
 * One synthetic case, every fact kind a built-in KPI folds among its cases: opened (a contact, a
 * customer), queued, first response and its SLA clock, collaboration — every third case a partner
 * leg returned (退单) then a department leg completed, each with its clock —, an escalation every
 * seventh, a ping-pong every eleventh, resolved with its clock, reopened and resolved again every
 * fifth, closed, CSAT every second. Before it, every third case's customer asked self-service an
 * hour before opening (that answer becomes a case), and every third case another customer's answer
 * is followed by nothing (deflected).
 */
const syntheticCase = (index: number): CollabEvent[] => {
  const caseId = `${hex(index)}-0000-4000-8000-000000000000`;
  const customerId = `${hex(index)}-0000-4000-8000-00000000c0de`;
  const base = Date.parse('2026-11-02T01:00:00Z') + (index % 20) * 86_400_000 + (index % 7) * 3_600_000;
  const wcase = `wcase-${caseId}`;
  const clock = (clockKey: string, met: boolean, at: number) =>
    workflowEvent('SlaClockStopped', `sla-${caseId}`, { caseId, clockKey, taskId: clockKey.startsWith('task:') ? clockKey.split(':')[1] : null, met, reason: 'WORK_STARTED', dueAt: minutes(base, at), stoppedAt: minutes(base, at) });
  const answer = (n: number, customer: string, at: number) =>
    knowledgeEvent('SelfServiceResolved', `self-service-${hex(index)}-${n}`, { resolutionId: `${hex(index)}-0000-4000-8000-${hex(n, 12)}`, customerId: customer, channel: index % 2 ? 'app' : 'web', resolvedAt: minutes(base, at) });
  const task = (taskId: string, to: { kind: string; id: string }, at: number) =>
    workflowEvent('CollaborationTaskOpened', wcase, { caseId, taskId, parentTaskId: null, to: { ...to, region: 'GD' }, actor, openedAt: minutes(base, at), acceptDueAt: minutes(base, at + 30), completeDueAt: minutes(base, at + 60) });
  const taskClosed = (taskId: string, outcome: string, reason: string | null, at: number) =>
    workflowEvent('CollaborationTaskClosed', wcase, { caseId, taskId, outcome, reason, actor, closedAt: minutes(base, at) });
  const events: CollabEvent[] = [];
  if (index % 3 === 0) events.push(answer(1, customerId, -60));
  if (index % 3 === 1) events.push(answer(2, `self-served-${hex(index)}`, -30));
  events.push(
    intakeEvent('CaseOpened', `case-${caseId}`, {
      caseId, customerId, channel: index % 2 ? 'app' : 'web', requester: index % 5 === 0 ? { partner: 'reseller-1' } : {}, region: 'GD', category: 'billing',
      requestType: 'COMPLAINT', audience: 'EXTERNAL', openedAt: minutes(base, 0), occurredAt: minutes(base, 0),
    }),
    workflowEvent('CaseQueued', wcase, { caseId, queue: 'q-complaints', queuedAt: minutes(base, 0) }),
    workflowEvent('CaseWorkStarted', wcase, { caseId, agentId: `agent-${index % 50}`, actor, startedAt: minutes(base, 5 + (index % 30)) }),
    clock('case:response', index % 4 !== 0, 5 + (index % 30)),
  );
  if (index % 3 === 0) {
    const [partner, department] = [`tp-${hex(index)}`, `td-${hex(index)}`];
    events.push(
      task(partner, { kind: 'PARTNER', id: `partner-${index % 4}` }, 40),
      taskClosed(partner, 'RETURNED', 'WRONG_UNIT', 50),
      clock(`task:${partner}:complete`, true, 50),
      task(department, { kind: 'UNIT', id: 'bench-billing' }, 55),
      taskClosed(department, 'COMPLETED', null, 55 + (index % 90)),
      clock(`task:${department}:complete`, index % 2 === 0, 55 + (index % 90)),
    );
  }
  if (index % 7 === 0) events.push(workflowEvent('SlaEscalated', `sla-${caseId}`, { caseId, clockKey: 'case:resolution', taskId: null, level: 1, escalatedAt: minutes(base, 120) }));
  if (index % 11 === 0) events.push(workflowEvent('PingPongDetected', wcase, { caseId, detectedAt: minutes(base, 125) }));
  events.push(workflowEvent('CaseResolved', wcase, { caseId, actor, resolvedAt: minutes(base, 150 + (index % 90)) }));
  if (index % 5 === 0)
    events.push(
      workflowEvent('CaseReopened', wcase, { caseId, queue: 'q-complaints', agentId: 'agent-1', actor, reason: 'not fixed', reopenedAt: minutes(base, 260) }),
      workflowEvent('CaseResolved', wcase, { caseId, actor, resolvedAt: minutes(base, 300) }),
    );
  events.push(
    clock('case:resolution', index % 6 !== 0, 310),
    workflowEvent('CaseClosed', wcase, { caseId, closure: 'CONFIRMED_BY_REQUESTER', actor, closedAt: minutes(base, 320) }),
  );
  if (index % 2 === 0) events.push(workflowEvent('FeedbackRecorded', wcase, { caseId, csat: 1 + (index % 5), comment: '', actor, recordedAt: minutes(base, 330) }));
  return events;
};

/**
 * The directory, then `cases` synthetic cases (about 12 events each; see syntheticCase) spread over
 * November 2026 working hours, each case's events in its streams' order.
 */
export const syntheticCases = (cases: number): CollabEvent[] => [...directory(), ...Array.from({ length: cases }, (_, index) => syntheticCase(index)).flat()];
