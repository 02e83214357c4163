import { canSee, type Viewer, type VisibleCase } from './case-visibility';

const customersCase: VisibleCase = { requesterId: 'cust-1', requesterPartner: null };
const resellersCase: VisibleCase = { requesterId: 'reseller-agent-9', requesterPartner: 'reseller-a' };
const viewer = (overrides: Partial<Viewer>): Viewer => ({ subject: 'someone', audience: 'EXTERNAL', roles: [], ...overrides });

describe('who may see a case', () => {
  it.each<[string, Partial<Viewer>, VisibleCase, boolean]>([
    ['the customer who asked', { subject: 'cust-1' }, customersCase, true],
    ['another customer', { subject: 'cust-2' }, customersCase, false],
    ['an agent', { audience: 'INTERNAL', roles: ['agent'] }, customersCase, true],
    ['an employee without a staff role', { audience: 'INTERNAL', roles: ['employee'] }, customersCase, false],
    ['staff of the partner that asked', { audience: 'PARTNER', partner: 'reseller-a', roles: ['partner-agent'] }, resellersCase, true],
    ['staff of another partner', { audience: 'PARTNER', partner: 'reseller-b', roles: ['partner-agent'] }, resellersCase, false],
    ['a partner looking at a customer case', { audience: 'PARTNER', partner: 'reseller-a', roles: ['partner-agent'] }, customersCase, false],
  ])('%s: %s', (_who, overrides, subject, expected) => {
    expect(canSee(viewer(overrides), subject)).toBe(expected);
  });
});
