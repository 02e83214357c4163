import type { CollabEvent } from '@collab/contracts';
import { intakeEvent, knowledgeEvent, workflowEvent } from './published-events';

/**
 * The hand-computed month (times UTC; Shanghai is UTC+8, cn-standard works 09:00–12:00 and
 * 13:30–18:00 on weekdays, i.e. 01:00–04:00 and 05:30–10:00 UTC). 2026-11-20 is a Friday.
 *
 * - Queue q-complaints belongs to gd-front until Saturday 21st, then moves to gd-billing.
 * - Case A (app): opened Fri 17:00 local, first response Mon 10:00 (120 business minutes across the
 *   weekend), resolved Mon 11:00, reopened Mon 14:00 (now under gd-billing), resolved again Mon 15:00
 *   (330), closed; CSAT 4; response clock met, resolution clock missed.
 * - Case B (web, a reseller's customer): opened Mon 09:00, response after 30, a partner leg returned
 *   (退单) and a department leg completed on time, escalated, a ping-pong, resolved 13:30 (180); CSAT 2.
 * - Case C (app): opened Mon 10:00, response after 10, resolved after 40, closed at first contact.
 * - Self-service (knowledge deflection): one customer on the web said an article solved it on Friday,
 *   two on the app on Monday; none of them opened a case.
 */
export const CASE_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const CASE_B = 'bbbbbbbb-0000-4000-8000-00000000000b';
export const CASE_C = 'cccccccc-0000-4000-8000-00000000000c';

const actor = { id: 'agent-1', kind: 'user' };

const unit = (unitId: string, parentId: string | null, level: string) =>
  workflowEvent('UnitDefined', `unit-${unitId}`, { unitId, parentId, level, calendarId: 'cn-standard', definedAt: '2026-11-01T00:00:00.000Z' });

export const orgEvents = (): CollabEvent[] => [
  unit('gd', null, 'GROUP'),
  unit('gd-front', 'gd', 'CITY'),
  unit('gd-billing', 'gd', 'DEPARTMENT'),
  workflowEvent('QueueDefined', 'queue-q-complaints', { queueId: 'q-complaints', unitId: 'gd-front', definedAt: '2026-11-01T00:00:00.000Z' }),
  workflowEvent('QueueChanged', 'queue-q-complaints', { queueId: 'q-complaints', unitId: 'gd-billing', changedAt: '2026-11-21T04:00:00.000Z' }),
];

const opened = (caseId: string, channel: string, at: string, partner?: string) =>
  intakeEvent('CaseOpened', `case-${caseId}`, { caseId, channel, requester: partner ? { partner } : {}, region: 'GD', category: 'billing', requestType: 'COMPLAINT', audience: 'EXTERNAL', openedAt: at, occurredAt: at });
const queued = (caseId: string, at: string) => workflowEvent('CaseQueued', `wcase-${caseId}`, { caseId, queue: 'q-complaints', queuedAt: at });
const started = (caseId: string, at: string) => workflowEvent('CaseWorkStarted', `wcase-${caseId}`, { caseId, agentId: 'agent-1', actor, startedAt: at });
const resolved = (caseId: string, at: string) => workflowEvent('CaseResolved', `wcase-${caseId}`, { caseId, actor, resolvedAt: at });
const closed = (caseId: string, at: string) => workflowEvent('CaseClosed', `wcase-${caseId}`, { caseId, closure: 'CONFIRMED_BY_REQUESTER', actor, closedAt: at });
const clock = (caseId: string, clockKey: string, met: boolean, at: string) =>
  workflowEvent('SlaClockStopped', `sla-${caseId}`, { caseId, clockKey, taskId: clockKey.startsWith('task:') ? clockKey.split(':')[1] : null, met, reason: 'WORK_STARTED', dueAt: at, stoppedAt: at });
const feedback = (caseId: string, csat: number, at: string) => workflowEvent('FeedbackRecorded', `wcase-${caseId}`, { caseId, csat, comment: '', actor, recordedAt: at });

const caseA = (): CollabEvent[] => [
  opened(CASE_A, 'app', '2026-11-20T09:00:00.000Z'),
  queued(CASE_A, '2026-11-20T09:00:00.000Z'),
  started(CASE_A, '2026-11-23T02:00:00.000Z'),
  clock(CASE_A, 'case:response', true, '2026-11-23T02:00:00.000Z'),
  resolved(CASE_A, '2026-11-23T03:00:00.000Z'),
  workflowEvent('CaseReopened', `wcase-${CASE_A}`, { caseId: CASE_A, queue: 'q-complaints', agentId: 'agent-1', actor, reason: 'not fixed', reopenedAt: '2026-11-23T06:00:00.000Z' }),
  resolved(CASE_A, '2026-11-23T07:00:00.000Z'),
  clock(CASE_A, 'case:resolution', false, '2026-11-23T07:00:00.000Z'),
  closed(CASE_A, '2026-11-23T09:00:00.000Z'),
  feedback(CASE_A, 4, '2026-11-23T09:00:00.000Z'),
];

const task = (caseId: string, taskId: string, to: { kind: string; id: string }, at: string) =>
  workflowEvent('CollaborationTaskOpened', `wcase-${caseId}`, { caseId, taskId, parentTaskId: null, to: { ...to, region: 'GD' }, actor, openedAt: at, acceptDueAt: '2026-11-23T08:00:00.000Z', completeDueAt: '2026-11-23T09:00:00.000Z' });
const taskClosed = (caseId: string, taskId: string, outcome: { outcome: string; reason: string | null }, at: string) =>
  workflowEvent('CollaborationTaskClosed', `wcase-${caseId}`, { caseId, taskId, ...outcome, actor, closedAt: at });

const caseB = (): CollabEvent[] => [
  opened(CASE_B, 'web', '2026-11-23T01:00:00.000Z', 'reseller-1'),
  queued(CASE_B, '2026-11-23T01:00:00.000Z'),
  started(CASE_B, '2026-11-23T01:30:00.000Z'),
  clock(CASE_B, 'case:response', true, '2026-11-23T01:30:00.000Z'),
  task(CASE_B, 't-partner', { kind: 'PARTNER', id: 'partner-x' }, '2026-11-23T01:40:00.000Z'),
  taskClosed(CASE_B, 't-partner', { outcome: 'RETURNED', reason: 'WRONG_UNIT' }, '2026-11-23T02:00:00.000Z'),
  clock(CASE_B, 'task:t-partner:complete', true, '2026-11-23T02:00:00.000Z'),
  task(CASE_B, 't-dept', { kind: 'UNIT', id: 'gd-billing' }, '2026-11-23T02:10:00.000Z'),
  workflowEvent('SlaEscalated', `sla-${CASE_B}`, { caseId: CASE_B, clockKey: 'case:resolution', taskId: null, level: 1, escalatedAt: '2026-11-23T03:00:00.000Z' }),
  workflowEvent('PingPongDetected', `wcase-${CASE_B}`, { caseId: CASE_B, detectedAt: '2026-11-23T03:10:00.000Z' }),
  taskClosed(CASE_B, 't-dept', { outcome: 'COMPLETED', reason: null }, '2026-11-23T04:00:00.000Z'),
  clock(CASE_B, 'task:t-dept:complete', true, '2026-11-23T04:00:00.000Z'),
  resolved(CASE_B, '2026-11-23T05:30:00.000Z'),
  clock(CASE_B, 'case:resolution', true, '2026-11-23T05:30:00.000Z'),
  closed(CASE_B, '2026-11-23T06:00:00.000Z'),
  feedback(CASE_B, 2, '2026-11-23T06:00:00.000Z'),
];

const caseC = (): CollabEvent[] => [
  opened(CASE_C, 'app', '2026-11-23T02:00:00.000Z'),
  queued(CASE_C, '2026-11-23T02:00:00.000Z'),
  started(CASE_C, '2026-11-23T02:10:00.000Z'),
  resolved(CASE_C, '2026-11-23T02:40:00.000Z'),
  closed(CASE_C, '2026-11-23T03:00:00.000Z'),
];

const selfService = (n: number, channel: string, at: string) =>
  knowledgeEvent('SelfServiceResolved', `self-service-${n}`, { resolutionId: `5d1f0a3e-8c2b-4e7a-9f10-00000000000${n}`, customerId: `customer-${n}`, channel, resolvedAt: at });

export const selfServiceEvents = (): CollabEvent[] => [
  selfService(1, 'web', '2026-11-20T08:00:00.000Z'),
  selfService(2, 'app', '2026-11-23T01:15:00.000Z'),
  selfService(3, 'app', '2026-11-23T03:30:00.000Z'),
];

/** Every event of the month, in the order each stream wrote it. */
export const monthOfEvents = (): CollabEvent[] => [...orgEvents(), ...caseA(), ...caseB(), ...caseC(), ...selfServiceEvents()];
