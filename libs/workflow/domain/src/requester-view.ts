import { holdsAny, type PolicySubject } from '@collab/domain-kernel';
import type { WorkflowCaseEvent } from './case.events';

/**
 * Staff of the enterprise and of partners see how the organisation works a case (legs, chain,
 * owner, queue, rule, internal due times, every event). Anyone else who may see a case is its
 * requester, and sees their case: its status, the promise, what they asked, the resolution and
 * their feedback.
 */
export const seesCaseInternals = (viewer: PolicySubject): boolean => holdsAny(viewer, ['staff', 'partner-staff']);

type Shared = Readonly<Record<string, unknown>>;
type DataOf<T extends WorkflowCaseEvent['type']> = Extract<WorkflowCaseEvent, { type: T }>['data'];
type ForRequester = { readonly [T in WorkflowCaseEvent['type']]?: (data: DataOf<T>) => Shared };

/**
 * The events meant for the requester, and what of each: a list of what is shared, never of what
 * is hidden, so a new event (a note, an urge, a ping-pong alert) stays internal until someone
 * decides otherwise. Actors (staff ids) are never shared.
 */
const FOR_REQUESTER: ForRequester = {
  CaseRegistered: (data) => ({ channel: data.channel, requestType: data.requestType, category: data.category, subject: data.subject, description: data.description, openedAt: data.openedAt }),
  CaseWorkStarted: (data) => ({ startedAt: data.startedAt }),
  CaseResolved: (data) => ({ resolutionCode: data.resolutionCode, note: data.note, knowledgeArticleIds: data.knowledgeArticleIds, resolvedAt: data.resolvedAt }),
  CaseClosed: (data) => ({ closure: data.closure, closedAt: data.closedAt }),
  FeedbackRecorded: (data) => ({ csat: data.csat, comment: data.comment, recordedAt: data.recordedAt }),
  CaseReopened: (data) => ({ reason: data.reason, reopenedAt: data.reopenedAt }),
  CaseCancelled: (data) => ({ reason: data.reason, cancelledAt: data.cancelledAt }),
};

/** What the requester is told of one stored event; undefined for the organisation's own events. */
export const sharedWithRequester = (type: string, data: unknown): Shared | undefined => {
  const share = Object.hasOwn(FOR_REQUESTER, type) ? (FOR_REQUESTER[type as WorkflowCaseEvent['type']] as ((data: unknown) => Shared) | undefined) : undefined;
  return share?.(data);
};

export interface RequesterOutcome {
  readonly resolution: { readonly resolutionCode: string; readonly note: string; readonly knowledgeArticleIds: readonly string[]; readonly resolvedAt: string } | null;
  readonly feedback: { readonly csat: number; readonly comment: string; readonly recordedAt: string } | null;
}

type Outcomes = { readonly [T in WorkflowCaseEvent['type']]?: (outcome: RequesterOutcome, data: DataOf<T>) => RequesterOutcome };

const OUTCOMES: Outcomes = {
  CaseResolved: (outcome, { resolutionCode, note, knowledgeArticleIds, resolvedAt }) => ({ ...outcome, resolution: { resolutionCode, note, knowledgeArticleIds, resolvedAt } }),
  CaseReopened: (outcome) => ({ ...outcome, resolution: null }),
  FeedbackRecorded: (outcome, { csat, comment, recordedAt }) => ({ ...outcome, feedback: { csat, comment, recordedAt } }),
};

/** The resolution standing now (a reopen withdraws it) and the requester's latest feedback. */
export const requesterOutcomeOf = (events: readonly WorkflowCaseEvent[]): RequesterOutcome =>
  events.reduce<RequesterOutcome>((outcome, event) => {
    const apply = OUTCOMES[event.type] as ((outcome: RequesterOutcome, data: unknown) => RequesterOutcome) | undefined;
    return apply ? apply(outcome, event.data) : outcome;
  }, { resolution: null, feedback: null });
