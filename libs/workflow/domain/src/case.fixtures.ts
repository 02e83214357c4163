/* Test fixtures for the case specs: business words, defaults for everything else. Not exported from the lib. */
import { fold, specFor } from '@collab/domain-kernel';
import type { ActorRef } from './actor';
import type * as C from './case.commands';
import { workflowCaseDecider } from './case.decider';
import type { CasePolicy } from './case-policy';
import type * as E from './case.events';
import type { CollaborationRequest } from './collaboration-task/collaboration-request';

export const T0 = new Date('2026-11-20T09:30:05.000Z');
export const at = (minutesAfterT0: number): Date => new Date(T0.getTime() + minutesAfterT0 * 60_000);
export const iso = (minutesAfterT0 = 0): string => at(minutesAfterT0).toISOString();

export const owner: ActorRef = { id: 'agent-li', kind: 'user' };
export const supervisor: ActorRef = { id: 'sup-wang', kind: 'user' };
export const requester: ActorRef = { id: 'cust-1', kind: 'user' };
export const autoCloseTimer: ActorRef = { id: 'workflow.auto-close', kind: 'service' };
export const taskWatcher: ActorRef = { id: 'workflow.task-outcomes', kind: 'service' };

export const summary = (overrides: Partial<E.CaseSummary> = {}): E.CaseSummary => ({
  caseId: 'case-1',
  channel: 'APP',
  audience: 'EXTERNAL',
  requestType: 'COMPLAINT',
  category: 'billing',
  region: 'GD-SZ',
  priority: 'NORMAL',
  language: 'zh-Hans',
  subject: '账单金额不对',
  description: '多扣了 30 元',
  requesterId: 'cust-1',
  openedAt: '2026-11-20T09:30:00.000Z',
  ...overrides,
});

export const collaborationRequest = (
  overrides: Partial<CollaborationRequest> = {},
): CollaborationRequest => ({
  taskId: 'task-1',
  parentTaskId: null,
  to: { kind: 'UNIT', id: 'billing-dept', region: 'GD' },
  reason: '请核实 11 月账单的重复扣费',
  sla: { calendarId: 'cn-standard', acceptWithinBusinessMinutes: 60, completeWithinBusinessMinutes: 960 },
  acceptDueAt: iso(60 * 24 * 30),
  completeDueAt: iso(60 * 24 * 31),
  ...overrides,
});

// ── commands ────────────────────────────────────────────────────────────────

export const registerAndRoute = (overrides: Partial<E.CaseSummary> = {}): C.RegisterAndRouteCase => ({
  type: 'RegisterAndRouteCase',
  summary: summary(overrides),
});
export const assignCase = (o: Partial<C.AssignCase> = {}): C.AssignCase => ({
  type: 'AssignCase',
  caseId: 'case-1',
  queue: 'complaints',
  agentId: 'agent-li',
  agentLoad: { load: 2, capacity: 8 },
  overrideCapacity: false,
  actor: supervisor,
  reason: 'skills billing; speaks zh-Hans; load 2/8',
  ...o,
});
export const reassignCase = (o: Partial<C.ReassignCase> = {}): C.ReassignCase => ({
  type: 'ReassignCase',
  caseId: 'case-1',
  toAgentId: 'agent-zhao',
  agentLoad: { load: 1, capacity: 5 },
  overrideCapacity: false,
  actor: supervisor,
  reason: 'Li is on leave',
  ...o,
});
export const transferCase = (o: Partial<C.TransferCase> = {}): C.TransferCase => ({
  type: 'TransferCase',
  caseId: 'case-1',
  to: { queue: 'billing-desk' },
  actor: owner,
  reason: 'a billing matter',
  ...o,
});
export const startWork = (o: Partial<C.StartWork> = {}): C.StartWork => ({
  type: 'StartWork',
  caseId: 'case-1',
  actor: owner,
  ...o,
});
export const requestCollaboration = (
  request: Partial<CollaborationRequest> = {},
  o: Partial<C.RequestCollaboration> = {},
): C.RequestCollaboration => ({
  type: 'RequestCollaboration',
  caseId: 'case-1',
  request: collaborationRequest(request),
  actor: owner,
  ...o,
});
export const recordOutcome = (
  o: Partial<C.RecordCollaborationOutcome> = {},
): C.RecordCollaborationOutcome => ({
  type: 'RecordCollaborationOutcome',
  caseId: 'case-1',
  taskId: 'task-1',
  outcome: 'COMPLETED',
  reason: null,
  actor: taskWatcher,
  ...o,
});
export const resolveCase = (o: Partial<C.ResolveCase> = {}): C.ResolveCase => ({
  type: 'ResolveCase',
  caseId: 'case-1',
  resolutionCode: 'REFUNDED',
  knowledgeArticleIds: ['kb-refund-policy'],
  note: '已退 30 元',
  actor: owner,
  ...o,
});
export const confirmResolution = (o: Partial<C.ConfirmResolution> = {}): C.ConfirmResolution => ({
  type: 'ConfirmResolution',
  caseId: 'case-1',
  actor: requester,
  ...o,
});
export const autoCloseCase = (o: Partial<C.AutoCloseCase> = {}): C.AutoCloseCase => ({
  type: 'AutoCloseCase',
  caseId: 'case-1',
  actor: autoCloseTimer,
  ...o,
});
export const recordFeedback = (o: Partial<C.RecordFeedback> = {}): C.RecordFeedback => ({
  type: 'RecordFeedback',
  caseId: 'case-1',
  csat: 4,
  comment: '处理及时',
  actor: requester,
  ...o,
});
export const reopenCase = (o: Partial<C.ReopenCase> = {}): C.ReopenCase => ({
  type: 'ReopenCase',
  caseId: 'case-1',
  ownerLoad: { load: 3, capacity: 8 },
  actor: requester,
  reason: '又被扣了一次',
  ...o,
});
export const cancelCase = (o: Partial<C.CancelCase> = {}): C.CancelCase => ({
  type: 'CancelCase',
  caseId: 'case-1',
  actor: requester,
  reason: '客户撤回',
  ...o,
});

// ── events ──────────────────────────────────────────────────────────────────

export const caseRegistered = (overrides: Partial<E.CaseSummary> = {}, customerTier: string | null = null): E.CaseRegistered => ({
  type: 'CaseRegistered',
  data: { ...summary(overrides), customerTier },
});
export const caseQueued = (queue = 'complaints', ruleId = 'complaints', when = iso()): E.CaseQueued => ({
  type: 'CaseQueued',
  data: { caseId: 'case-1', queue, ruleId, assignedAt: when },
});
export const caseAssignedToAgent = (
  d: Partial<E.CaseAssignedToAgent['data']> = {},
): E.CaseAssignedToAgent => ({
  type: 'CaseAssignedToAgent',
  data: {
    caseId: 'case-1',
    queue: 'complaints',
    agentId: 'agent-li',
    overCapacity: null,
    actor: supervisor,
    reason: 'skills billing; speaks zh-Hans; load 2/8',
    assignedAt: iso(),
    ...d,
  },
});
export const caseReassigned = (d: Partial<E.CaseReassigned['data']> = {}): E.CaseReassigned => ({
  type: 'CaseReassigned',
  data: {
    caseId: 'case-1',
    queue: 'complaints',
    fromAgentId: 'agent-li',
    toAgentId: 'agent-zhao',
    overCapacity: null,
    actor: supervisor,
    reason: 'Li is on leave',
    reassignedAt: iso(),
    ...d,
  },
});
export const caseTransferred = (d: Partial<E.CaseTransferred['data']> = {}): E.CaseTransferred => ({
  type: 'CaseTransferred',
  data: {
    caseId: 'case-1',
    from: { queue: 'complaints', region: 'GD-SZ' },
    to: { queue: 'billing-desk', region: 'GD-SZ' },
    actor: owner,
    reason: 'a billing matter',
    transferredAt: iso(),
    ...d,
  },
});
export const caseWorkStarted = (d: Partial<E.CaseWorkStarted['data']> = {}): E.CaseWorkStarted => ({
  type: 'CaseWorkStarted',
  data: { caseId: 'case-1', agentId: 'agent-li', actor: owner, startedAt: iso(), ...d },
});
export const taskOpened = (
  request: Partial<CollaborationRequest> = {},
  d: Partial<E.CollaborationTaskOpened['data']> = {},
): E.CollaborationTaskOpened => {
  const r = collaborationRequest(request);
  return {
    type: 'CollaborationTaskOpened',
    data: {
      caseId: 'case-1',
      taskId: r.taskId,
      parentTaskId: r.parentTaskId,
      from: { kind: 'QUEUE', id: 'complaints' },
      to: r.to,
      reason: r.reason,
      sla: r.sla,
      acceptDueAt: r.acceptDueAt,
      completeDueAt: r.completeDueAt,
      actor: owner,
      openedAt: iso(),
      ...d,
    },
  };
};
export const taskClosed = (
  d: Partial<E.CollaborationTaskClosed['data']> = {},
): E.CollaborationTaskClosed => ({
  type: 'CollaborationTaskClosed',
  data: {
    caseId: 'case-1',
    taskId: 'task-1',
    outcome: 'COMPLETED',
    reason: null,
    actor: taskWatcher,
    closedAt: iso(),
    ...d,
  },
});
export const pingPongDetected = (d: Partial<E.PingPongDetected['data']> = {}): E.PingPongDetected => ({
  type: 'PingPongDetected',
  data: {
    caseId: 'case-1',
    sides: [
      { party: { kind: 'QUEUE', id: 'complaints' }, supervisorId: 'sup-wang' },
      { party: { kind: 'UNIT', id: 'billing-dept' }, supervisorId: 'sup-chen' },
    ],
    bounces: 3,
    maxBounces: 2,
    detectedAt: iso(),
    ...d,
  },
});
export const caseResolved = (d: Partial<E.CaseResolved['data']> = {}): E.CaseResolved => ({
  type: 'CaseResolved',
  data: {
    caseId: 'case-1',
    resolutionCode: 'REFUNDED',
    knowledgeArticleIds: ['kb-refund-policy'],
    note: '已退 30 元',
    actor: owner,
    resolvedAt: iso(),
    ...d,
  },
});
export const caseClosed = (d: Partial<E.CaseClosed['data']> = {}): E.CaseClosed => ({
  type: 'CaseClosed',
  data: { caseId: 'case-1', closure: 'CONFIRMED_BY_REQUESTER', actor: requester, closedAt: iso(), ...d },
});
export const feedbackRecorded = (d: Partial<E.FeedbackRecorded['data']> = {}): E.FeedbackRecorded => ({
  type: 'FeedbackRecorded',
  data: { caseId: 'case-1', csat: 4, comment: '处理及时', actor: requester, recordedAt: iso(), ...d },
});
export const caseReopened = (d: Partial<E.CaseReopened['data']> = {}): E.CaseReopened => ({
  type: 'CaseReopened',
  data: { caseId: 'case-1', queue: 'complaints', agentId: 'agent-li', waitsForRoom: false, actor: requester, reason: '又被扣了一次', reopenedAt: iso(), ...d },
});
export const caseCancelled = (d: Partial<E.CaseCancelled['data']> = {}): E.CaseCancelled => ({
  type: 'CaseCancelled',
  data: { caseId: 'case-1', openTaskIds: [], actor: requester, reason: '客户撤回', cancelledAt: iso(), ...d },
});

/** Histories that bring a case to each step of its main line. */
export const queuedCase = (): E.WorkflowCaseEvent[] => [caseRegistered(), caseQueued()];
export const assignedCase = (): E.WorkflowCaseEvent[] => [...queuedCase(), caseAssignedToAgent()];
export const caseInProgress = (): E.WorkflowCaseEvent[] => [...assignedCase(), caseWorkStarted()];
export const collaboratingCase = (): E.WorkflowCaseEvent[] => [...caseInProgress(), taskOpened()];
export const resolvedCase = (): E.WorkflowCaseEvent[] => [...caseInProgress(), caseResolved()];
export const closedCase = (): E.WorkflowCaseEvent[] => [...resolvedCase(), caseClosed()];

/** given / when / then at a moment, under a policy when the default is not the point. */
export const specAt = (now: Date = T0, policy?: CasePolicy) =>
  specFor(workflowCaseDecider, policy === undefined ? { now } : { now, policy });

/** The error a refused command throws, to look at its fields or reason. */
export const refusalOf = (
  history: readonly E.WorkflowCaseEvent[],
  command: C.WorkflowCaseCommand,
  now: Date = T0,
): unknown => {
  try {
    workflowCaseDecider.decide(command, fold(workflowCaseDecider, history), { now });
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${command.type} to be refused`);
};
