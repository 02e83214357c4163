import { fold, specFor } from '@collab/domain-kernel';
import {
  customerDecider,
  hasEnded,
  type PlaceContact,
  type RecordCaseEnded,
  type RecordCaseReopened,
} from './customer.decider';
import type { CaseEnding, CustomerEvent } from './customer.events';

const now = new Date('2026-11-20T10:00:00.000Z');
const spec = specFor(customerDecider, { now });

const placeContact = (overrides: Partial<PlaceContact> = {}): PlaceContact => ({
  type: 'PlaceContact', customerId: 'cust-1', category: 'billing/wrong-charge', newCaseId: 'case-new', windowMinutes: 60, ...overrides,
});
const recordEnded = (overrides: Partial<RecordCaseEnded> = {}): RecordCaseEnded => ({
  type: 'RecordCaseEnded', customerId: 'cust-1', caseId: 'case-1', ending: 'CLOSED', endedAt: '2026-11-20T09:50:00.000Z', workflowVersion: 6, ...overrides,
});
const recordReopened = (overrides: Partial<RecordCaseReopened> = {}): RecordCaseReopened => ({
  type: 'RecordCaseReopened', customerId: 'cust-1', caseId: 'case-1', category: 'billing/wrong-charge', reopenedAt: '2026-11-20T09:55:00.000Z', workflowVersion: 7, ...overrides,
});

const caseOpenedForCustomer = (caseId: string, category: string, openedAt: string): CustomerEvent => ({
  type: 'CaseOpenedForCustomer', data: { customerId: 'cust-1', caseId, category, openedAt },
});
const caseEnded = (caseId: string, workflowVersion = 6, ending: CaseEnding = 'CLOSED'): CustomerEvent => ({
  type: 'CustomerCaseEnded', data: { customerId: 'cust-1', caseId, ending, endedAt: '2026-11-20T09:50:00.000Z', workflowVersion },
});
const caseReopened = (caseId: string, reopenedAt = '2026-11-20T09:55:00.000Z', workflowVersion = 7): CustomerEvent => ({
  type: 'CustomerCaseReopened', data: { customerId: 'cust-1', caseId, category: 'billing/wrong-charge', reopenedAt, workflowVersion },
});
const recentBillingCase = caseOpenedForCustomer('case-1', 'billing/wrong-charge', '2026-11-20T09:30:00.000Z');

describe('placing a contact for a known customer', () => {
  it('opens a new case when the customer has none open', () =>
    spec.given().when(placeContact()).then(caseOpenedForCustomer('case-new', 'billing/wrong-charge', now.toISOString())));

  it('joins the open case in the same category within the window (nothing new is recorded)', () =>
    spec.given(recentBillingCase).when(placeContact()).then());

  it('opens a new case when the open one in that category is older than the window', () =>
    spec.given(caseOpenedForCustomer('case-1', 'billing/wrong-charge', '2026-11-20T08:59:59.000Z'))
      .when(placeContact())
      .then(caseOpenedForCustomer('case-new', 'billing/wrong-charge', now.toISOString())));

  it('opens a new case when the recent one is in another category', () =>
    spec.given(caseOpenedForCustomer('case-1', 'network/no-signal', '2026-11-20T09:30:00.000Z'))
      .when(placeContact())
      .then(caseOpenedForCustomer('case-new', 'billing/wrong-charge', now.toISOString())));

  it.each<CaseEnding>(['CLOSED', 'CANCELLED'])('opens a new case when the recent one was %s', (ending) =>
    spec.given(recentBillingCase, caseEnded('case-1', 6, ending))
      .when(placeContact())
      .then(caseOpenedForCustomer('case-new', 'billing/wrong-charge', now.toISOString())));

  it('joins a reopened case again', () =>
    spec.given(recentBillingCase, caseEnded('case-1'), caseReopened('case-1')).when(placeContact()).then());

  it('counts the window from the reopening: a case opened long ago but reopened just now is joined', () =>
    spec.given(caseOpenedForCustomer('case-1', 'billing/wrong-charge', '2026-11-01T09:00:00.000Z'), caseEnded('case-1'), caseReopened('case-1', '2026-11-20T09:59:00.000Z'))
      .when(placeContact())
      .then());

  it('treats the window edge as inside it', () =>
    spec.given(caseOpenedForCustomer('case-1', 'billing/wrong-charge', '2026-11-20T09:00:00.000Z')).when(placeContact()).then());
});

describe("recording a case's end as workflow reports it", () => {
  it.each<CaseEnding>(['CLOSED', 'CANCELLED'])('records an open case %s, with the version of the report', (ending) =>
    spec.given(recentBillingCase).when(recordEnded({ ending, workflowVersion: 4 })).then(caseEnded('case-1', 4, ending)));

  it('records nothing when the case has ended already (a redelivered report)', () =>
    spec.given(recentBillingCase, caseEnded('case-1')).when(recordEnded()).then());

  it('records nothing for a report older than the reopening it was followed by', () =>
    spec.given(recentBillingCase, caseEnded('case-1', 6), caseReopened('case-1', undefined, 7)).when(recordEnded({ workflowVersion: 6 })).then());

  it('records a second ending after a reopening', () =>
    spec.given(recentBillingCase, caseEnded('case-1', 6), caseReopened('case-1', undefined, 7))
      .when(recordEnded({ workflowVersion: 9 }))
      .then(caseEnded('case-1', 9)));

  it("records the end of a case the customer's stream never saw open, so its thread is not joined either", () =>
    spec.given().when(recordEnded({ caseId: 'case-9' })).then(caseEnded('case-9')));

  it('records a reopening of an ended case, with its category', () =>
    spec.given(recentBillingCase, caseEnded('case-1', 6)).when(recordReopened({ workflowVersion: 7 })).then(caseReopened('case-1', undefined, 7)));

  it('records no reopening of a case that never ended (workflow reopens resolved cases too)', () =>
    spec.given(recentBillingCase).when(recordReopened()).then());

  it('records no reopening older than the ending', () =>
    spec.given(recentBillingCase, caseEnded('case-1', 9)).when(recordReopened({ workflowVersion: 7 })).then());
});

describe('whether a case has ended', () => {
  const stateAfter = (...events: CustomerEvent[]) => fold(customerDecider, events);

  it('is false while it is open, true once ended, false again once reopened', () => {
    expect(hasEnded(stateAfter(recentBillingCase), 'case-1')).toBe(false);
    expect(hasEnded(stateAfter(recentBillingCase, caseEnded('case-1')), 'case-1')).toBe(true);
    expect(hasEnded(stateAfter(recentBillingCase, caseEnded('case-1'), caseReopened('case-1')), 'case-1')).toBe(false);
  });

  it('is false for a case the stream does not know', () => expect(hasEnded(stateAfter(recentBillingCase), 'case-2')).toBe(false));
});
