import type { Principal } from '@collab/service-kit';
import type { HistoryEntry, RequesterHistoryEntry } from './case-timeline';

export class GetCaseHistory {
  constructor(
    readonly caseId: string,
    readonly viewer: Principal,
    readonly page: { readonly after: bigint; readonly limit: number; readonly asOf?: Date },
  ) {}
}

/** GET /api/v1/cases/{id}/history: a page of the case's events, oldest first (for the requester, only those meant for them). */
export interface CaseHistory {
  readonly caseId: string;
  readonly events: readonly HistoryEntry[] | readonly RequesterHistoryEntry[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly next: string | null;
  /** The moment the history was cut at; null for everything recorded so far. */
  readonly asOf: string | null;
}
