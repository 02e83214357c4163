import { rowsOf, type SqlExecutor } from '@collab/messaging';
import type { workflowLanguage, PublicMessage } from '@collab/contracts';
import { businessMinutes, calendarMinutes } from './business-minutes';
import { describeCase, moveCaseStatus, recordFact } from './fact-store';

export const CASE_FACT_TYPES = [
  'CaseRegistered', 'CaseProcessStarted', 'CaseQueued', 'CaseAssignedToAgent', 'CaseWorkStarted', 'CaseTransferred', 'CollaborationTaskOpened',
  'CaseResolved', 'CaseClosed', 'CaseCancelled', 'CaseReopened', 'FeedbackRecorded',
] as const;
type CaseMessage = PublicMessage<typeof workflowLanguage, (typeof CASE_FACT_TYPES)[number]>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Events whose data leave the case out name it in their subject, the stream `case-<caseId>`. */
const caseOfSubject = (subject: unknown): string => {
  const match = UUID.exec(String(subject));
  if (!match) throw new Error(`the subject ${String(subject)} names no case`);
  return match[0];
};

type Base = { eventId: string; source: 'workflow' };
type On<Type extends CaseMessage['type']> = (tx: SqlExecutor, base: Base, message: Extract<CaseMessage, { type: Type }>) => Promise<void>;

// Registration names dimensions only: until a queue holds the case, its status is intake's (opened, acknowledged).
const registered: On<'CaseRegistered'> = (tx, _, { data }) => {
  const { caseId, channel, audience, requestType, category, region, priority, language, subject, requesterPartner, openedAt, customerTier } = data;
  return describeCase(tx, caseId, { channel, audience, requestType, category, region, priority, language, subject, requesterPartner, openedAt, customerTier });
};

const queued: On<'CaseQueued'> = async (tx, base, { data: { caseId, queue, queuedAt } }) => {
  await describeCase(tx, caseId, { queue });
  await moveCaseStatus(tx, caseId, 'QUEUED', queuedAt);
  await recordFact(tx, { ...base, kind: 'CASE_QUEUED', at: queuedAt, caseId, unit: queue });
};

// The step's own time (not the envelope's, when it was recorded), so its order against the case's other steps is the business's.
const working: On<'CaseAssignedToAgent' | 'CaseWorkStarted'> = (tx, _, message) =>
  message.type === 'CaseWorkStarted'
    ? moveCaseStatus(tx, message.data.caseId, 'IN_PROGRESS', message.data.startedAt)
    : moveCaseStatus(tx, message.data.caseId, 'ASSIGNED', message.data.assignedAt);

// Moved to another queue, the case waits there for an owner (workflow's view: held by nobody, so QUEUED).
const transferred: On<'CaseTransferred'> = async (tx, _, { data: { caseId, to, transferredAt } }) => {
  await describeCase(tx, caseId, { queue: to.queue });
  await moveCaseStatus(tx, caseId, 'QUEUED', transferredAt);
};

const closed: On<'CaseClosed'> = async (tx, base, { data: { caseId, closure, closedAt } }) => {
  await moveCaseStatus(tx, caseId, 'CLOSED', closedAt);
  await recordFact(tx, { ...base, kind: 'CASE_CLOSED', at: closedAt, caseId, detail: { closure } });
};

const feedback: On<'FeedbackRecorded'> = (tx, base, { data: { caseId, csat, comment, recordedAt } }) =>
  recordFact(tx, { ...base, kind: 'FEEDBACK', at: recordedAt, caseId, csat, detail: { comment } });

const cancelledOrReopened = async (
  tx: SqlExecutor,
  base: Base,
  message: Extract<CaseMessage, { type: 'CaseCancelled' | 'CaseReopened' }>,
): Promise<void> => {
  const caseId = caseOfSubject(message.envelope.subject);
  if (message.type === 'CaseCancelled') {
    await moveCaseStatus(tx, caseId, 'CANCELLED', message.data.cancelledAt);
    return recordFact(tx, { ...base, kind: 'CASE_CANCELLED', at: message.data.cancelledAt, caseId, detail: { reason: message.data.reason } });
  }
  await describeCase(tx, caseId, { queue: message.data.queue });
  // Its last owner has it again, unless they had no room and it waits in its queue.
  await moveCaseStatus(tx, caseId, message.data.waitsForRoom === true ? 'QUEUED' : 'ASSIGNED', message.data.reopenedAt);
  return recordFact(tx, { ...base, kind: 'CASE_REOPENED', at: message.data.reopenedAt, caseId, unit: message.data.queue, detail: { reason: message.data.reason } });
};

interface OpenedRow {
  opened_at: Date | null;
  calendar_id: string | null;
  queue: string | null;
}

const resolved: On<'CaseResolved'> = async (tx, base, { data: { caseId, resolvedAt, resolutionCode, knowledgeArticleIds } }) => {
  // Workflow registered the case earlier in its own log, so its opening time is known here.
  const opened = rowsOf(await tx.query('select opened_at, calendar_id, queue from data.case_dim where case_id = $1', [caseId]))[0] as OpenedRow | undefined;
  const openedAt = opened?.opened_at?.toISOString();
  await moveCaseStatus(tx, caseId, 'RESOLVED', resolvedAt);
  await recordFact(tx, {
    ...base, kind: 'CASE_RESOLVED', at: resolvedAt, caseId, unit: opened?.queue,
    ...(openedAt === undefined ? {} : { calendarMinutes: calendarMinutes(openedAt, resolvedAt), businessMinutes: businessMinutes(opened?.calendar_id, openedAt, resolvedAt) }),
    detail: { resolutionCode, knowledgeArticleIds },
  });
};

const ON: { readonly [Type in CaseMessage['type']]: On<Type> } = {
  CaseRegistered: registered,
  // The process names the calendar the case's business time counts on, and the promise it holds the organisation to.
  CaseProcessStarted: (tx, _, { data: { caseId, sla, responseDueAt, resolutionDueAt } }) => describeCase(tx, caseId, { calendarId: sla.calendarId, responseDueAt, resolutionDueAt }),
  CaseQueued: queued,
  CaseAssignedToAgent: (tx, base, message) => working(tx, base, message),
  CaseWorkStarted: (tx, base, message) => working(tx, base, message),
  CaseTransferred: transferred,
  // Asking for help means the case is being worked (workflow's view says so); its open tasks make it COLLABORATING when read.
  CollaborationTaskOpened: (tx, _, { data: { caseId, openedAt } }) => moveCaseStatus(tx, caseId, 'IN_PROGRESS', openedAt),
  CaseResolved: resolved,
  CaseClosed: closed,
  CaseCancelled: cancelledOrReopened,
  CaseReopened: cancelledOrReopened,
  FeedbackRecorded: feedback,
};

/** Workflow's case steps as facts and statuses; its registration and process name dimensions and the promise. */
export const applyCaseFact = (tx: SqlExecutor, message: CaseMessage): Promise<void> =>
  (ON[message.type] as On<CaseMessage['type']>)(tx, { eventId: message.envelope.id, source: 'workflow' }, message);
