import { publishedLanguage } from '../published-language/published-language';
import { calendarDefinedV1 } from './calendar-defined.v1';
import { calendarRevisedV1 } from './calendar-revised.v1';
import { calendarDefinedV2 } from './calendar-defined.v2';
import { calendarRevisedV2 } from './calendar-revised.v2';
import { calendarCoverageEndingV1 } from './calendar-coverage-ending.v1';
import { caseAcknowledgedV1 } from './case-acknowledged.v1';
import { caseAcknowledgedV2 } from './case-acknowledged.v2';
import { caseOpenedV1 } from './case-opened.v1';
import { caseOpenedV2 } from './case-opened.v2';
import { caseOpenedV3 } from './case-opened.v3';
import { categoryDefinedV1 } from './category-defined.v1';
import { categoryRenamedV1 } from './category-renamed.v1';
import { categoryRetiredV1 } from './category-retired.v1';
import { channelChangedV1 } from './channel-changed.v1';
import { channelDisabledV1 } from './channel-disabled.v1';
import { channelEnabledV1 } from './channel-enabled.v1';
import { channelRegisteredV1 } from './channel-registered.v1';
import { contactAppendedV1 } from './contact-appended.v1';
import { contactAppendedV2 } from './contact-appended.v2';

export {
  calendarCoverageEndingV1,
  calendarDefinedV1,
  calendarDefinedV2,
  calendarRevisedV1,
  calendarRevisedV2,
  caseAcknowledgedV1,
  caseAcknowledgedV2,
  caseOpenedV1,
  caseOpenedV2,
  caseOpenedV3,
  categoryDefinedV1,
  categoryRenamedV1,
  categoryRetiredV1,
  channelChangedV1,
  channelDisabledV1,
  channelEnabledV1,
  channelRegisteredV1,
  contactAppendedV1,
  contactAppendedV2,
};

/** What intake publishes on `collab.intake.events.v1`, newest version of each type first; older versions stay readable. */
export const intakeLanguage = publishedLanguage(
  'intake',
  {
    CalendarCoverageEnding: calendarCoverageEndingV1,
    CalendarDefined: calendarDefinedV2,
    CalendarRevised: calendarRevisedV2,
    CaseAcknowledged: caseAcknowledgedV2,
    CaseOpened: caseOpenedV3,
    CategoryDefined: categoryDefinedV1,
    CategoryRenamed: categoryRenamedV1,
    CategoryRetired: categoryRetiredV1,
    ChannelChanged: channelChangedV1,
    ChannelDisabled: channelDisabledV1,
    ChannelEnabled: channelEnabledV1,
    ChannelRegistered: channelRegisteredV1,
    ContactAppended: contactAppendedV2,
  },
  [calendarDefinedV1, calendarRevisedV1, caseAcknowledgedV1, caseOpenedV1, caseOpenedV2, contactAppendedV1],
);
