import {
  asIs,
  calendarCoverageEndingV1,
  calendarDefinedV2,
  calendarRevisedV2,
  caseAcknowledgedV2,
  caseOpenedV3,
  categoryDefinedV1,
  categoryRenamedV1,
  categoryRetiredV1,
  channelChangedV1,
  channelDisabledV1,
  channelEnabledV1,
  channelRegisteredV1,
  contactAppendedV2,
  intakeLanguage,
  publish,
  serviceContract,
  type ServiceContract,
} from '@collab/contracts';
import type { CalendarCoverageEvent, CalendarEvent, CategoryEvent, ChannelEvent, IntakeCaseEvent } from '@collab/intake-domain';

/** A contact joins a case only once its requester was recognised as a customer. */
const recognised = (customerId: string | undefined): string => {
  if (customerId === undefined) throw new Error('a contact appended to a case always names its customer');
  return customerId;
};

/**
 * What intake publishes on `collab.intake.events.v1`: each internal event type that leaves intake,
 * mapped to its public event (libs/contracts/src/intake). Events not listed here stay inside intake.
 */
export const intakeContract: ServiceContract = serviceContract<
  IntakeCaseEvent | ChannelEvent | CategoryEvent | CalendarEvent | CalendarCoverageEvent
>(intakeLanguage, {
  // Public events carry the customer id, not contact details (the requester's name, phone and email stay inside).
  CaseOpened: ({ requester: { name: _name, phone: _phone, email: _email, ...requester }, ...opened }) =>
    publish(caseOpenedV3, { ...opened, requester }),
  CaseAcknowledged: asIs(caseAcknowledgedV2),
  ContactAppended: ({ contact: { requester: { name: _name, phone: _phone, email: _email, ...requester }, ...contact }, ...appended }) =>
    publish(contactAppendedV2, {
      ...appended,
      contact: { ...contact, requester, customerId: recognised(contact.customerId) },
    }),
  ChannelRegistered: asIs(channelRegisteredV1),
  ChannelChanged: asIs(channelChangedV1),
  ChannelEnabled: asIs(channelEnabledV1),
  ChannelDisabled: asIs(channelDisabledV1),
  CategoryDefined: asIs(categoryDefinedV1),
  CategoryRenamed: asIs(categoryRenamedV1),
  CategoryRetired: asIs(categoryRetiredV1),
  CalendarDefined: asIs(calendarDefinedV2),
  CalendarRevised: asIs(calendarRevisedV2),
  CalendarCoverageEnding: asIs(calendarCoverageEndingV1),
});
