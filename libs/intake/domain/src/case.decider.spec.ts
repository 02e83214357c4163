import { IllegalTransition, specFor } from '@collab/domain-kernel';
import { intakeCaseDecider, type AppendContact, type OpenCase } from './case.decider';
import type { IntakeCaseEvent, PromiseCoverage } from './case.events';
import type { Contact } from './contact';

const now = new Date('2026-11-20T09:30:00.000Z');
const spec = specFor(intakeCaseDecider, { now });

const contact = (overrides: Partial<Contact> = {}): Contact => ({
  contactId: 'c0ffee00-0000-4000-8000-000000000001',
  channel: 'app',
  channelKind: 'APP',
  audience: 'EXTERNAL',
  requester: { id: 'cust-1', phone: '+8613800138000' },
  requestType: 'COMPLAINT',
  category: 'billing/wrong-charge',
  subject: '账单金额不对',
  description: '本月账单多扣了 30 元',
  language: 'zh-Hans',
  region: 'GD-SZ',
  priority: 'NORMAL',
  occurredAt: '2026-11-20T09:29:00.000Z',
  ...overrides,
});

const covered = { complete: true, announcedThrough: '2026-12-31', warning: null };
const expected = { firstResponseBy: '2026-11-20T10:30:00.000Z', resolveBy: '2026-11-23T09:30:00.000Z', calendarId: 'cn-standard', coverage: covered };
const openCase = (overrides: Partial<Contact> = {}, times: OpenCase['expected'] = expected): OpenCase => ({
  type: 'OpenCase', caseId: 'case-1', caseNumber: 'GD-SZ-20261120-000001', customerId: 'customer-1', contact: contact(overrides), expected: times,
});
const caseOpened = (overrides: Partial<Contact> = {}): IntakeCaseEvent => ({
  type: 'CaseOpened',
  data: { ...contact(overrides), caseId: 'case-1', caseNumber: 'GD-SZ-20261120-000001', customerId: 'customer-1', openedAt: now.toISOString() },
});
const caseAcknowledged = (coverage: PromiseCoverage = covered): IntakeCaseEvent => ({
  type: 'CaseAcknowledged',
  data: {
    caseId: 'case-1', caseNumber: 'GD-SZ-20261120-000001', acknowledgedAt: now.toISOString(),
    expectedFirstResponseAt: expected.firstResponseBy, expectedResolutionAt: expected.resolveBy, calendarId: 'cn-standard', coverage,
  },
});
const appendContact = (reason: AppendContact['reason'] = 'THREAD'): AppendContact => ({
  type: 'AppendContact', contact: contact({ contactId: 'c0ffee00-0000-4000-8000-000000000002', channel: 'phone' }), reason,
});

describe('opening a case from a contact', () => {
  it('records the contact and acknowledges it at once with its number and expected times', () =>
    spec.given().when(openCase()).then(caseOpened(), caseAcknowledged()));

  it('keeps a Finnish subject exactly as given', () =>
    spec.given().when(openCase({ subject: 'Laskussa on virhe – äö', language: 'fi' }))
      .then(caseOpened({ subject: 'Laskussa on virhe – äö', language: 'fi' }), caseAcknowledged()));

  it('says in the acknowledgement when the promise falls past the calendar’s announced holidays', () => {
    const past = { complete: false, announcedThrough: '2026-12-31', warning: 'calendar cn-standard has announced holidays only through 2026-12-31' };
    spec.given().when(openCase({}, { ...expected, coverage: past })).then(caseOpened(), caseAcknowledged(past));
  });

  it('is refused for a case that already exists', () => spec.given(caseOpened()).when(openCase()).thenThrows(IllegalTransition));
});

describe('a later contact joining a case', () => {
  it.each(['THREAD', 'SAME_CUSTOMER_AND_CATEGORY'] as const)('is appended to the open case (%s)', (reason) =>
    spec.given(caseOpened(), caseAcknowledged()).when(appendContact(reason)).then({
      type: 'ContactAppended',
      data: { caseId: 'case-1', contact: appendContact().contact, reason, appendedAt: now.toISOString() },
    }));

  it('is refused when there is no case', () => spec.given().when(appendContact()).thenThrows(IllegalTransition));
});
