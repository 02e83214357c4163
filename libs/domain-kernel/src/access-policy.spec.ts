import { grantsOf, holdsAny, requireGrant, type Grant, type PolicySubject } from './access-policy';
import { Forbidden } from './domain-errors';

const caller = (audience: PolicySubject['audience'], ...roles: string[]): PolicySubject => ({ audience, roles });

describe('what a token grants (deny by default)', () => {
  it.each<[string, PolicySubject, Grant[]]>([
    ['a customer', caller('EXTERNAL'), ['requester']],
    ['an agent', caller('INTERNAL', 'agent'), ['requester', 'staff']],
    ['a supervisor', caller('INTERNAL', 'supervisor'), ['requester', 'staff', 'manager']],
    ['an admin', caller('INTERNAL', 'admin'), ['requester', 'staff', 'manager', 'admin']],
    ['partner staff', caller('PARTNER', 'partner-agent'), ['requester', 'partner-staff']],
    ['a channel', caller('EXTERNAL', 'channel'), ['requester', 'channel']],
    ['an unknown role', caller('INTERNAL', 'wizard'), ['requester']],
    ['a role named like an object property', caller('INTERNAL', 'constructor', '__proto__', 'toString'), ['requester']],
    ['a staff role in a partner token', caller('PARTNER', 'agent', 'admin'), ['requester']],
    ['a staff role in a customer token', caller('EXTERNAL', 'admin'), ['requester']],
    ['partner staff in an internal token', caller('INTERNAL', 'partner-agent'), ['requester']],
  ])('%s: %j', (_who, subject, expected) => expect([...grantsOf(subject)].sort()).toEqual([...expected].sort()));

  it('admits a caller holding any of the grants, and refuses the rest as Forbidden', () => {
    expect(holdsAny(caller('INTERNAL', 'agent'), ['manager', 'staff'])).toBe(true);
    expect(() => requireGrant(caller('INTERNAL', 'wizard'), ['staff', 'partner-staff'])).toThrow(Forbidden);
    expect(() => requireGrant(caller('INTERNAL', 'admin'), [])).toThrow(Forbidden);
  });
});
