import type { Principal } from '@collab/service-kit';
import type { HistoryPage } from './case-timeline';

export class GetCaseHistory {
  constructor(
    readonly caseId: string,
    readonly viewer: Principal,
    readonly page: { readonly after: bigint; readonly limit: number; readonly asOf?: Date },
  ) {}
}

/** GET /api/v1/cases/{id}/history: a page of the case's events, oldest first. */
export interface CaseHistory extends HistoryPage {
  readonly caseId: string;
  /** The moment the history was cut at; null for everything recorded so far. */
  readonly asOf: string | null;
}
