import type { Provider, Type } from '@nestjs/common';
import { ServicePromises } from '../acknowledgement/service-promises';
import { WorkflowProcessCatalogue } from '../acknowledgement/workflow-processes/workflow-process-catalogue';
import { WorkflowProcessesConsumer } from '../acknowledgement/workflow-processes/workflow-processes.consumer';
import { CaseNumberAllocator } from '../case-numbers/case-number-allocator';
import { CaseBook } from '../cases/case-book';
import { CaseEndingConsumer } from '../customers/case-endings/case-ending.consumer';
import { CustomerIdentities } from '../customers/customer-identities';
import { CustomerOpenCases } from '../customers/customer-open-cases';
import { IdentityOwners } from '../customers/identity-owners';
import { JoinWindow } from './join-window/join-window';
import { JoinWindowConsumer } from './join-window/join-window.consumer';
import { ContactDecisions } from './submit-contact/contact-decisions';
import { ContactFactsReader } from './submit-contact/contact-facts';
import { ContactIntake } from './submit-contact/contact-intake';
import { ContactScreening } from './submit-contact/contact-screening';
import { ContactWriter } from './submit-contact/contact-writer';
import { SubmitContactHandler } from './submit-contact/submit-contact.handler';
import { SubmitContactHttp } from './submit-contact/submit-contact.http';

/**
 * Submitting a contact and everything it needs; channels, categories and calendars come in through
 * the ports, which cases have ended and which processes they start on from workflow's events
 * (CaseEndingConsumer, WorkflowProcessesConsumer), and the join window an administrator set (JoinWindowConsumer).
 */
export const CONTACT_PROVIDERS: readonly Provider[] = [
  SubmitContactHandler,
  ContactScreening,
  ContactIntake,
  ContactFactsReader,
  ContactDecisions,
  ContactWriter,
  CaseBook,
  CaseNumberAllocator,
  ServicePromises,
  WorkflowProcessCatalogue,
  WorkflowProcessesConsumer,
  CustomerIdentities,
  IdentityOwners,
  CustomerOpenCases,
  CaseEndingConsumer,
  JoinWindow,
  JoinWindowConsumer,
];
export const CONTACT_CONTROLLERS: readonly Type[] = [SubmitContactHttp];
