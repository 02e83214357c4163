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
