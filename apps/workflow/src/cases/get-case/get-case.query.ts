import type { Principal } from '@collab/service-kit';

export class GetCase {
  constructor(
    readonly caseId: string,
    readonly viewer: Principal,
  ) {}
}

/** The case as GET /api/v1/cases/{id} shows it. */
export interface CaseDetails {
  readonly id: string;
  /** The human case number intake gave it; null until intake's acknowledgement has arrived. */
  readonly number: string | null;
  /** What the requester was promised at acknowledgement. */
  readonly acknowledgement: {
    readonly acknowledgedAt: string;
    readonly expectedFirstResponseAt: string;
    readonly expectedResolutionAt: string;
    readonly calendarId: string;
  } | null;
  readonly status: string;
  readonly channel: string;
  readonly audience: string;
  readonly requestType: string;
  readonly category: string;
  readonly subject: string;
  readonly description: string;
  readonly language: string;
  readonly region: string;
  readonly priority: string;
  readonly requesterId: string | null;
  readonly queue: string | null;
  readonly routingRule: string | null;
  readonly openedAt: string;
  readonly assignedAt: string | null;
  readonly assignee: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
  readonly version: number;
}
