import type { DataOf, intakeLanguage } from '@collab/contracts';
import type { Actor } from '@collab/event-store';
import { actorOfExtension } from '@collab/messaging';
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

/**
 * Who submitted the contact, from the event's `actor` extension: the customer, when the requester
 * wrote in themselves; otherwise the person at the channel who took it (an agent keying in a call).
 * Intake's own service, should it be the one named, stays a service.
 */
export const submitterOf = (extension: string, opened: CaseOpened): Actor => {
  const actor = actorOfExtension(extension) ?? { kind: 'channel', id: opened.channel };
  return actor.kind === 'user' && opened.audience === 'EXTERNAL' && actor.id === opened.requester.id ? { kind: 'customer', id: actor.id } : actor;
};
