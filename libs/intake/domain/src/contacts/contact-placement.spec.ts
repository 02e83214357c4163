import { fold } from '@collab/domain-kernel';
import { customerDecider } from '../customers/customer.decider';
import type { CustomerEvent } from '../customers/customer.events';
import { placeContact, recogniseCustomer, threadCaseOf, type PlacementRequest } from './contact-placement';

const now = new Date('2026-11-20T10:00:00.000Z');
const opened = (caseId: string, category = 'billing/wrong-charge', openedAt = '2026-11-20T09:30:00.000Z'): CustomerEvent => ({
  type: 'CaseOpenedForCustomer', data: { customerId: 'cust-1', caseId, category, openedAt },
});
const ended = (caseId: string): CustomerEvent => ({
  type: 'CustomerCaseEnded', data: { customerId: 'cust-1', caseId, ending: 'CLOSED', endedAt: '2026-11-20T09:50:00.000Z', workflowVersion: 6 },
});
const customer = (...events: CustomerEvent[]) => fold(customerDecider, events);
const request = (overrides: Partial<PlacementRequest> = {}): PlacementRequest => ({
  newCaseId: 'case-new', category: 'billing/wrong-charge', windowMinutes: 60, customer: customer(), ...overrides,
});

describe('recognising the customer', () => {
  const id = { kind: 'customer-id', value: 'c-1' } as const;
  const phone = { kind: 'phone', value: '+8613800138000' } as const;

  it('is a new customer when no channel met any of the keys, who claims them all', () =>
    expect(recogniseCustomer([{ key: id }, { key: phone }], 'cust-new')).toEqual({ customerId: 'cust-new', unclaimed: [id, phone] }));

  it('is the owner of the strongest claimed key, who claims the rest', () =>
    expect(recogniseCustomer([{ key: id }, { key: phone, owner: 'cust-2' }], 'cust-new')).toEqual({ customerId: 'cust-2', unclaimed: [id] }));

  it('prefers the customer id over the phone when they name two customers', () =>
    expect(recogniseCustomer([{ key: id, owner: 'cust-1' }, { key: phone, owner: 'cust-2' }], 'cust-new').customerId).toBe('cust-1'));
});

describe('the case a thread is on', () => {
  it.each([
    ['a new thread', undefined, { exists: false }],
    ['a thread on the case this request opens (a retry)', 'case-new', { exists: true }],
    ['a thread on a case never written', 'case-1', { exists: false }],
  ])('is none for %s', (_, bound, known) => expect(threadCaseOf(bound, 'case-new', known)).toBeUndefined());

  it('is the open case, not ended', () =>
    expect(threadCaseOf('case-1', 'case-new', { exists: true, customer: customer(opened('case-1')) })).toEqual({ caseId: 'case-1', ended: false }));

  it('is the case, ended once its customer’s stream says so', () =>
    expect(threadCaseOf('case-1', 'case-new', { exists: true, customer: customer(opened('case-1'), ended('case-1')) })).toEqual({ caseId: 'case-1', ended: true }));
});

describe('placing a contact', () => {
  it('joins its thread’s case while it is open', () =>
    expect(placeContact(request({ threadCase: { caseId: 'case-t', ended: false }, customer: customer(opened('case-1')) }), now)).toEqual({ kind: 'join', caseId: 'case-t', reason: 'THREAD' }));

  it('joins the customer’s open case in the same category within the window', () =>
    expect(placeContact(request({ customer: customer(opened('case-1')) }), now)).toEqual({ kind: 'join', caseId: 'case-1', reason: 'SAME_CUSTOMER_AND_CATEGORY' }));

  it('opens a new case otherwise', () =>
    expect(placeContact(request({ customer: customer(opened('case-1', 'network/no-signal')) }), now)).toEqual({ kind: 'open', caseId: 'case-new' }));

  it('places a contact on an ended case’s thread as if it had none, and names that case', () => {
    const threadCase = { caseId: 'case-t', ended: true };
    expect(placeContact(request({ threadCase }), now)).toEqual({ kind: 'open', caseId: 'case-new', previousCaseId: 'case-t' });
    expect(placeContact(request({ threadCase, customer: customer(opened('case-1')) }), now)).toEqual({
      kind: 'join', caseId: 'case-1', reason: 'SAME_CUSTOMER_AND_CATEGORY', previousCaseId: 'case-t',
    });
  });

  it('opens its own case again when a retry finds it already recorded for the customer', () =>
    expect(placeContact(request({ customer: customer(opened('case-new')) }), now)).toEqual({ kind: 'open', caseId: 'case-new' }));
});
