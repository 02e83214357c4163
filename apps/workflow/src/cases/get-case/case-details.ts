import type { CasePromise } from '../case-promise/case-promise.entity';
import { type CaseView, shownStatusOf } from '../case-view/case-view.entity';
import { openTasksOf } from './case-chain';
import type { StaffCaseDetails as CaseDetails } from './get-case.query';

/** What the case shows beside its own fields: its legs and chain, projected (now) or folded from its streams (asOf). */
export type CaseCourse = Pick<CaseDetails, 'asOf' | 'legs' | 'chain'>;

/** Intake's promise, as far as it had been made at `asOf` (always, for the case as it is now). */
const acknowledgementOf = (promise: CasePromise | null, asOf: Date | undefined): CaseDetails['acknowledgement'] =>
  promise && (asOf === undefined || promise.acknowledgedAt <= asOf)
    ? {
        acknowledgedAt: promise.acknowledgedAt.toISOString(),
        expectedFirstResponseAt: promise.expectedFirstResponseAt.toISOString(),
        expectedResolutionAt: promise.expectedResolutionAt.toISOString(),
        calendarId: promise.calendarId,
        coverage: promise.coverage,
      }
    : null;

const processOf = (view: CaseView): CaseDetails['process'] =>
  view.processId === null || view.processVersion === null
    ? null
    : {
        id: view.processId,
        version: view.processVersion,
        stage: view.processStage,
        responseDueAt: view.responseDueAt?.toISOString() ?? null,
        resolutionDueAt: view.resolutionDueAt?.toISOString() ?? null,
      };

/** The one mapping from a case view (stored, or folded for asOf) to what GET /api/v1/cases/{id} shows. */
export const caseDetailsOf = (view: CaseView, promise: CasePromise | null, course: CaseCourse): CaseDetails => ({
  id: view.id,
  // The number names the case from its opening on, so it is shown whenever it is known.
  number: promise?.caseNumber ?? null,
  acknowledgement: acknowledgementOf(promise, course.asOf === null ? undefined : new Date(course.asOf)),
  status: shownStatusOf(view, openTasksOf(course.chain)),
  channel: view.channel,
  audience: view.audience,
  requestType: view.requestType,
  category: view.category,
  subject: view.subject,
  description: view.description,
  language: view.language,
  region: view.region,
  priority: view.priority,
  requesterId: view.requesterId,
  queue: view.queue,
  routingRule: view.routingRule,
  openedAt: view.openedAt.toISOString(),
  assignedAt: view.assignedAt?.toISOString() ?? null,
  assignee: view.assignee,
  resolvedAt: view.resolvedAt?.toISOString() ?? null,
  closedAt: view.closedAt?.toISOString() ?? null,
  process: processOf(view),
  version: view.version,
  ...course,
});
