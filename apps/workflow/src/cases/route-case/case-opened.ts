import type { DataOf, intakeLanguage } from '@collab/contracts';
import type { CaseSummary } from '@collab/workflow-domain';

/** Intake's CaseOpened as workflow reads it: the newest version, validated and upcast by intake's reader. */
export type CaseOpened = DataOf<typeof intakeLanguage.current.CaseOpened>;

/** Anti-corruption: intake's public event becomes workflow's own vocabulary here and only here. */
export const caseSummaryOf = (opened: CaseOpened): CaseSummary => ({
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
