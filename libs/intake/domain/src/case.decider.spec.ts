import { IllegalTransition, specFor } from '@collab/domain-kernel';
import { intakeCaseDecider, type OpenCase } from './case.decider';
import type { CaseOpened } from './case.events';
import type { Contact } from './contact';

const now = new Date('2026-11-20T09:30:00.000Z');
const spec = specFor(intakeCaseDecider, { now });

const contact = (overrides: Partial<Contact> = {}): Contact => ({
  contactId: 'c0ffee00-0000-4000-8000-000000000001',
  channel: 'APP',
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

const openCase = (overrides: Partial<Contact> = {}): OpenCase => ({ type: 'OpenCase', caseId: 'case-1', contact: contact(overrides) });
const caseOpened = (overrides: Partial<Contact> = {}): CaseOpened => ({
  type: 'CaseOpened',
  data: { ...contact(overrides), caseId: 'case-1', openedAt: now.toISOString() },
});

describe('opening a case from a contact', () => {
  it('records the contact as it arrived, with the opening time', () =>
    spec.given().when(openCase()).then(caseOpened()));

  it('keeps a Finnish subject exactly as given', () =>
    spec.given().when(openCase({ subject: 'Laskussa on virhe – äö', language: 'fi' })).then(caseOpened({ subject: 'Laskussa on virhe – äö', language: 'fi' })));

  it('is refused for a case that is already open', () =>
    spec.given(caseOpened()).when(openCase()).thenThrows(IllegalTransition));
});
