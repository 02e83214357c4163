import { intakeLanguage, readerFor, type PublicMessage } from '@collab/contracts';
import type { SqlExecutor } from '@collab/messaging';
import { describeCase, moveUnroutedCaseStatus, recordFact } from './fact-store';

export const INTAKE_FACT_TYPES = ['CaseOpened', 'ContactAppended', 'CaseAcknowledged'] as const;
export const intakeReader = readerFor(intakeLanguage, { only: INTAKE_FACT_TYPES });
type IntakeMessage = PublicMessage<typeof intakeLanguage, (typeof INTAKE_FACT_TYPES)[number]>;

/** Intake's contacts and acknowledgements as facts; a case's opening also names its dimensions. */
export const applyIntakeFact = async (tx: SqlExecutor, message: IntakeMessage): Promise<void> => {
  const eventId = message.envelope.id;
  switch (message.type) {
    case 'CaseOpened': {
      const opened = message.data;
      await describeCase(tx, opened.caseId, {
        caseNumber: opened.caseNumber, customerId: opened.customerId, requesterId: opened.requester.id, channel: opened.channel, channelKind: opened.channelKind,
        audience: opened.audience, region: opened.region, category: opened.category, requestType: opened.requestType,
        priority: opened.priority, customerTier: opened.requester.tier, language: opened.language, requesterPartner: opened.requester.partner,
        subject: opened.subject, openedAt: opened.openedAt,
      });
      await moveUnroutedCaseStatus(tx, opened.caseId, 'OPENED', opened.openedAt);
      return recordFact(tx, {
        eventId, source: 'intake', kind: 'CASE_OPENED', at: opened.openedAt, channel: opened.channel, caseId: opened.caseId, customerId: opened.customerId,
        detail: { channel: opened.channel, channelKind: opened.channelKind, caseNumber: opened.caseNumber, subject: opened.subject, requestType: opened.requestType },
      });
    }
    case 'ContactAppended': {
      const { caseId, contact } = message.data;
      return recordFact(tx, {
        eventId, source: 'intake', kind: 'CONTACT_APPENDED', at: contact.occurredAt, channel: contact.channel, caseId,
        customerId: contact.customerId, detail: { channel: contact.channel, channelKind: contact.channelKind, subject: contact.subject, contactId: contact.contactId },
      });
    }
    case 'CaseAcknowledged': {
      const acknowledged = message.data;
      await describeCase(tx, acknowledged.caseId, {
        calendarId: acknowledged.calendarId, responseDueAt: acknowledged.expectedFirstResponseAt, resolutionDueAt: acknowledged.expectedResolutionAt,
      });
      await moveUnroutedCaseStatus(tx, acknowledged.caseId, 'ACKNOWLEDGED', acknowledged.acknowledgedAt);
      return recordFact(tx, {
        eventId, source: 'intake', kind: 'CASE_ACKNOWLEDGED', at: acknowledged.acknowledgedAt, caseId: acknowledged.caseId,
        detail: { expectedFirstResponseAt: acknowledged.expectedFirstResponseAt, expectedResolutionAt: acknowledged.expectedResolutionAt },
      });
    }
  }
};
