import { specFor } from '@collab/domain-kernel';
import { customerDecider, type CustomerEvent, type PlaceContact } from './customer.decider';

const now = new Date('2026-11-20T10:00:00.000Z');
const spec = specFor(customerDecider, { now });

const placeContact = (overrides: Partial<PlaceContact> = {}): PlaceContact => ({
  type: 'PlaceContact', customerId: 'cust-1', category: 'billing/wrong-charge', newCaseId: 'case-new', windowMinutes: 60, ...overrides,
});
const caseOpenedForCustomer = (caseId: string, category: string, openedAt: string): CustomerEvent => ({
  type: 'CaseOpenedForCustomer', data: { customerId: 'cust-1', caseId, category, openedAt },
});
const caseEnded = (caseId: string): CustomerEvent => ({ type: 'CustomerCaseEnded', data: { customerId: 'cust-1', caseId, endedAt: '2026-11-20T09:50:00.000Z' } });

describe('placing a contact for a known customer', () => {
  it('opens a new case when the customer has none open', () =>
    spec.given().when(placeContact()).then(caseOpenedForCustomer('case-new', 'billing/wrong-charge', now.toISOString())));

  it('joins the open case in the same category within the window (nothing new is recorded)', () =>
    spec.given(caseOpenedForCustomer('case-1', 'billing/wrong-charge', '2026-11-20T09:30:00.000Z')).when(placeContact()).then());

  it('opens a new case when the open one in that category is older than the window', () =>
    spec.given(caseOpenedForCustomer('case-1', 'billing/wrong-charge', '2026-11-20T08:59:59.000Z'))
      .when(placeContact())
      .then(caseOpenedForCustomer('case-new', 'billing/wrong-charge', now.toISOString())));

  it('opens a new case when the recent one is in another category', () =>
    spec.given(caseOpenedForCustomer('case-1', 'network/no-signal', '2026-11-20T09:30:00.000Z'))
      .when(placeContact())
      .then(caseOpenedForCustomer('case-new', 'billing/wrong-charge', now.toISOString())));

  it('opens a new case when the recent one has ended', () =>
    spec.given(caseOpenedForCustomer('case-1', 'billing/wrong-charge', '2026-11-20T09:30:00.000Z'), caseEnded('case-1'))
      .when(placeContact())
      .then(caseOpenedForCustomer('case-new', 'billing/wrong-charge', now.toISOString())));

  it('treats the window edge as inside it', () =>
    spec.given(caseOpenedForCustomer('case-1', 'billing/wrong-charge', '2026-11-20T09:00:00.000Z')).when(placeContact()).then());
});
