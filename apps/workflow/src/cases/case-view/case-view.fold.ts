import type { CaseSummary, WorkflowCaseEvent } from '@collab/workflow-domain';
import { caseViewChange } from './case-view.changes';
import type { CaseView } from './case-view.entity';

/**
 * The case view as the fold of a case stream, without a database: what `?asOf=` answers from, and
 * what the live projection must equal (case-view.fold.spec.ts holds the two together). The
 * columns nothing has set yet are null, as the table stores them.
 */
export const registeredCaseView = (data: CaseSummary, version: number): CaseView => ({
  id: data.caseId,
  status: 'REGISTERED',
  channel: data.channel,
  audience: data.audience,
  requestType: data.requestType,
  category: data.category,
  subject: data.subject,
  description: data.description,
  language: data.language,
  region: data.region,
  priority: data.priority,
  requesterId: data.requesterId ?? null,
  requesterPartner: data.requesterPartner ?? null,
  requesterUnit: data.requesterUnit ?? null,
  queue: null,
  routingRule: null,
  openedAt: new Date(data.openedAt),
  assignedAt: null,
  assignee: null,
  resolvedAt: null,
  closedAt: null,
  processId: null,
  processVersion: null,
  processStage: null,
  responseDueAt: null,
  resolutionDueAt: null,
  version,
});

const evolveView = (view: CaseView | undefined, event: WorkflowCaseEvent, version: number): CaseView | undefined => {
  if (event.type === 'CaseRegistered') return registeredCaseView(event.data, version);
  // A stream that does not start with CaseRegistered has no row to change, as in the projection.
  return view === undefined ? undefined : { ...view, ...caseViewChange(event), version };
};

/** The view after the given events of one case stream, in stream order; undefined before CaseRegistered. */
export const foldCaseView = (events: readonly WorkflowCaseEvent[]): CaseView | undefined =>
  events.reduce<CaseView | undefined>((view, event, index) => evolveView(view, event, index + 1), undefined);
