import { readerFor, workflowLanguage, type CollabEvent, type PublicMessage } from '@collab/contracts';
import { NOTHING, caseFact, type Fed } from './fed-fact';
import { ORG_CONTEXT, type OrgType } from './org-context';

type Data<Type extends string> = Extract<PublicMessage<typeof workflowLanguage>, { type: Type }>['data'];

/** `case:response` → response; `task:<id>:complete` → task-complete. */
export const clockOf = (clockKey: string): string => {
  const [scope, ...rest] = clockKey.split(':');
  return scope === 'task' ? `task-${rest.at(-1) ?? ''}` : rest.join(':');
};

const only = (fed: Fed['fact']): Fed => ({ ...(fed ? { fact: fed } : {}), context: [] });

/** Each case fact workflow publishes, as a KPI fact and the context it changes. */
const CASE_FACTS = {
  CaseQueued: (eventId: string, { caseId, queue, queuedAt }: Data<'CaseQueued'>): Fed => ({
    fact: caseFact({ eventId, kind: 'CaseQueued', caseId, at: queuedAt }),
    context: [{ kind: 'holding', caseId, at: queuedAt, queue, eventId }],
  }),
  CaseWorkStarted: (eventId: string, { caseId, agentId, startedAt }: Data<'CaseWorkStarted'>): Fed => only(caseFact({ eventId, kind: 'FirstResponse', caseId, at: startedAt }, { dims: { agent: agentId } })),
  CaseResolved: (eventId: string, { caseId, resolvedAt }: Data<'CaseResolved'>): Fed => only(caseFact({ eventId, kind: 'CaseResolved', caseId, at: resolvedAt })),
  CaseClosed: (eventId: string, { caseId, closedAt, closure }: Data<'CaseClosed'>): Fed => only(caseFact({ eventId, kind: 'CaseClosed', caseId, at: closedAt }, { attrs: { closure } })),
  CaseCancelled: (eventId: string, { caseId, cancelledAt }: Data<'CaseCancelled'>): Fed => only(caseFact({ eventId, kind: 'CaseCancelled', caseId, at: cancelledAt })),
  CaseReopened: (eventId: string, { caseId, queue, reopenedAt }: Data<'CaseReopened'>): Fed => ({
    fact: caseFact({ eventId, kind: 'CaseReopened', caseId, at: reopenedAt }),
    context: [{ kind: 'holding', caseId, at: reopenedAt, queue, eventId }, { kind: 'case-count', caseId, counter: 'reopens' }],
  }),
  SlaEscalated: (eventId: string, { caseId, clockKey, level, escalatedAt }: Data<'SlaEscalated'>): Fed =>
    only(caseFact({ eventId, kind: 'CaseEscalated', caseId, at: escalatedAt }, { attrs: { clock: clockOf(clockKey), level } })),
  SlaClockStopped: (eventId: string, { caseId, clockKey, taskId, met, reason, stoppedAt }: Data<'SlaClockStopped'>): Fed =>
    only(caseFact({ eventId, kind: 'SlaClockStopped', caseId, at: stoppedAt }, { taskId, attrs: { clock: clockOf(clockKey), met, reason } })),
  CollaborationTaskOpened: (eventId: string, { caseId, taskId, to, openedAt }: Data<'CollaborationTaskOpened'>): Fed => ({
    fact: caseFact({ eventId, kind: 'TaskOpened', caseId, at: openedAt }, { taskId }),
    context: [{ kind: 'task-target', taskId, caseId, targetKind: to.kind, targetId: to.id }, { kind: 'case-count', caseId, counter: 'tasks' }],
  }),
  CollaborationTaskClosed: (eventId: string, { caseId, taskId, outcome, reason, closedAt }: Data<'CollaborationTaskClosed'>): Fed =>
    only(caseFact({ eventId, kind: 'TaskClosed', caseId, at: closedAt }, { taskId, attrs: { outcome, ...(reason === null ? {} : { reason }) } })),
  PingPongDetected: (eventId: string, { caseId, detectedAt }: Data<'PingPongDetected'>): Fed => only(caseFact({ eventId, kind: 'PingPongDetected', caseId, at: detectedAt })),
  FeedbackRecorded: (eventId: string, { caseId, csat, recordedAt }: Data<'FeedbackRecorded'>): Fed => only(caseFact({ eventId, kind: 'FeedbackRecorded', caseId, at: recordedAt }, { attrs: { csat } })),
};

type CaseType = keyof typeof CASE_FACTS;
const READS = { ...CASE_FACTS, ...ORG_CONTEXT } as const;
const workflow = readerFor(workflowLanguage, { only: Object.keys(READS) as (CaseType | OrgType)[] });

/** Workflow's published events as KPI facts, and the org directory's history they are attributed by. */
export const workflowFacts = (event: CollabEvent): Fed => {
  const message = workflow.read(event);
  if (message === undefined) return NOTHING;
  // The reader validated `data` against the schema of `type`; the table's entry for `type` reads that shape.
  const read = READS[message.type] as (id: string, data: unknown) => Fed;
  return read(event.id, message.data);
};
