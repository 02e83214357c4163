import type { PageInfo, Principal } from '@collab/service-kit';
import type { HistoryEntry, RequesterHistoryEntry } from '../case.answers';

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
  readonly items: readonly HistoryEntry[] | readonly RequesterHistoryEntry[];
  readonly page: PageInfo;
  /** The moment the history was cut at; null for everything recorded so far. */
  readonly asOf: string | null;
}
