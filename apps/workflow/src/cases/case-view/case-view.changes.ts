import type { WorkflowCaseEvent } from '@collab/workflow-domain';
import type { CaseView } from './case-view.entity';

type ChangingEvent = Exclude<WorkflowCaseEvent, { type: 'CaseRegistered' }>;
type DataOf<Type extends ChangingEvent['type']> = Extract<ChangingEvent, { type: Type }>['data'];
type Changes = { readonly [Type in ChangingEvent['type']]: (data: DataOf<Type>) => Partial<CaseView> };

const NOTHING_SHOWN = (): Partial<CaseView> => ({});

/**
 * What each of workflow's case events changes in the case view: the status a reader sees, who
 * holds the case, the process version it keeps with its due times, and when it was resolved or
 * closed. A mapped type, so a new event is a compile error here until someone decides what it
 * shows. CaseRegistered creates the row and is apart.
 */
const CHANGES: Changes = {
  CaseQueued: (data) => ({ status: 'ASSIGNED', queue: data.queue, routingRule: data.ruleId, assignedAt: new Date(data.assignedAt) }),
  CaseProcessStarted: (data) => ({
    processId: data.processId,
    processVersion: data.processVersion,
    processStage: data.stageId,
    responseDueAt: new Date(data.responseDueAt),
    resolutionDueAt: new Date(data.resolutionDueAt),
  }),
  CaseAssignedToAgent: (data) => ({ status: 'ASSIGNED', queue: data.queue, assignee: data.agentId, assignedAt: new Date(data.assignedAt) }),
  CaseReassigned: (data) => ({ assignee: data.toAgentId, assignedAt: new Date(data.reassignedAt) }),
  CaseTransferred: (data) => ({ status: 'ASSIGNED', queue: data.to.queue, assignee: null, assignedAt: new Date(data.transferredAt) }),
  CaseWorkStarted: () => ({ status: 'IN_PROGRESS' }),
  CollaborationTaskOpened: () => ({ status: 'IN_PROGRESS' }),
  CollaborationTaskClosed: NOTHING_SHOWN,
  PingPongDetected: NOTHING_SHOWN,
  CaseResolved: (data) => ({ status: 'RESOLVED', resolvedAt: new Date(data.resolvedAt) }),
  CaseClosed: (data) => ({ status: 'CLOSED', closedAt: new Date(data.closedAt) }),
  FeedbackRecorded: NOTHING_SHOWN,
  // Without room for its last owner it waits in its queue from now on (assignedAt orders the waiting).
  CaseReopened: (data) => ({
    status: 'ASSIGNED',
    queue: data.queue,
    assignee: data.waitsForRoom ? null : data.agentId,
    resolvedAt: null,
    closedAt: null,
    ...(data.waitsForRoom ? { assignedAt: new Date(data.reopenedAt) } : {}),
  }),
  CaseCancelled: (data) => ({ status: 'CANCELLED', closedAt: new Date(data.cancelledAt) }),
};

export const caseViewChange = (event: ChangingEvent): Partial<CaseView> =>
  (CHANGES[event.type] as (data: ChangingEvent['data']) => Partial<CaseView>)(event.data);
