import type { RequesterOutcome } from '@collab/workflow-domain';
import type { RequesterCase, StaffCaseDetails } from '../case.answers';

export type { RequesterCase } from '../case.answers';

/** A whitelist: a field added to the staff view stays internal until it is added here. */
export const requesterCaseOf = (details: StaffCaseDetails, outcome: RequesterOutcome): RequesterCase => {
  const promise = details.acknowledgement;
  return {
    id: details.id,
    number: details.number,
    status: details.status,
    acknowledgement: promise && {
      acknowledgedAt: promise.acknowledgedAt,
      expectedFirstResponseAt: promise.expectedFirstResponseAt,
      expectedResolutionAt: promise.expectedResolutionAt,
    },
    channel: details.channel,
    audience: details.audience,
    requestType: details.requestType,
    category: details.category,
    subject: details.subject,
    description: details.description,
    language: details.language,
    region: details.region,
    openedAt: details.openedAt,
    resolvedAt: details.resolvedAt,
    closedAt: details.closedAt,
    resolution: outcome.resolution && { ...outcome.resolution, knowledgeArticleIds: [...outcome.resolution.knowledgeArticleIds] },
    feedback: outcome.feedback,
    version: details.version,
    asOf: details.asOf,
  };
};
