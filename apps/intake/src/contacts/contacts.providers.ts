import type { Provider, Type } from '@nestjs/common';
import { ServicePromises } from '../acknowledgement/service-promises';
import { CaseNumberAllocator } from '../case-numbers/case-number-allocator';
import { CaseBook } from '../cases/case-book';
import { CaseEndingConsumer } from '../customers/case-endings/case-ending.consumer';
import { CustomerIdentities } from '../customers/customer-identities';
import { CustomerOpenCases } from '../customers/customer-open-cases';
import { IdempotentRequests } from '../idempotency/idempotent-requests';
import { ThreadIndex } from '../threads/thread-index';
import { CasePlacement } from './submit-contact/case-placement';
import { ContactScreening } from './submit-contact/contact-screening';
import { SubmitContactHandler } from './submit-contact/submit-contact.handler';
import { SubmitContactHttp } from './submit-contact/submit-contact.http';

/**
 * Submitting a contact and everything it needs; channels, categories and calendars come in through
 * the ports, and which cases have ended from workflow's events (CaseEndingConsumer).
 */
export const CONTACT_PROVIDERS: readonly Provider[] = [
  SubmitContactHandler,
  ContactScreening,
  CasePlacement,
  CaseBook,
  CaseNumberAllocator,
  ServicePromises,
  CustomerIdentities,
  CustomerOpenCases,
  CaseEndingConsumer,
  ThreadIndex,
  IdempotentRequests,
];
export const CONTACT_CONTROLLERS: readonly Type[] = [SubmitContactHttp];
