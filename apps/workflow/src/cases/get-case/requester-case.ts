import type { RequesterOutcome } from '@collab/workflow-domain';
import type { StaffCaseDetails } from './get-case.query';

/**
 * The case as its requester sees it: what they asked, where it stands, what they were promised,
 * how it was resolved and what they said of it. Nothing of how it is worked inside (no legs,
 * chain, queue, rule, owner or internal due times).
 */
export interface RequesterCase extends RequesterOutcome {
  readonly id: string;
  readonly number: string | null;
  readonly status: string;
  /** The promise made at acknowledgement (the one the organisation holds itself to). */
  readonly acknowledgement: {
    readonly acknowledgedAt: string;
    readonly expectedFirstResponseAt: string;
    readonly expectedResolutionAt: string;
  } | null;
  readonly channel: string;
  readonly audience: string;
  readonly requestType: string;
  readonly category: string;
  readonly subject: string;
  readonly description: string;
  readonly language: string;
  readonly region: string;
  readonly openedAt: string;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly version: number;
  readonly asOf: string | null;
}

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
    resolution: outcome.resolution,
    feedback: outcome.feedback,
    version: details.version,
    asOf: details.asOf,
  };
};
