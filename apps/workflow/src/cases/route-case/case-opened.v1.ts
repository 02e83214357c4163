import type { CaseSummary } from '@collab/workflow-domain';

/**
 * The part of intake's CaseOpened (v1 and v2, libs/contracts/schemas/intake/CaseOpened.v*.schema.json)
 * that workflow reads; v2 only added fields to it.
 */
export interface CaseOpenedV1 {
  readonly caseId: string;
  readonly channel: string;
  readonly audience: string;
  /** `tier` (e.g. VIP) routes the case; workflow does not keep it (CaseRegistered v1 has no field for it). */
  readonly requester: { readonly id?: string; readonly unit?: string; readonly partner?: string; readonly tier?: string };
  readonly requestType: string;
  readonly category: string;
  readonly subject: string;
  readonly description: string;
  readonly language: string;
  readonly region: string;
  readonly priority: string;
  readonly openedAt: string;
}

/** Anti-corruption: intake's public event becomes workflow's own vocabulary here and only here. */
export const caseSummaryOf = (opened: CaseOpenedV1): CaseSummary => ({
  caseId: opened.caseId,
  channel: opened.channel,
  audience: opened.audience,
  requestType: opened.requestType,
  category: opened.category,
  region: opened.region,
  priority: opened.priority,
  language: opened.language,
  subject: opened.subject,
  description: opened.description,
  openedAt: opened.openedAt,
  ...(opened.requester.id === undefined ? {} : { requesterId: opened.requester.id }),
  ...(opened.requester.partner === undefined ? {} : { requesterPartner: opened.requester.partner }),
  ...(opened.requester.unit === undefined ? {} : { requesterUnit: opened.requester.unit }),
});
