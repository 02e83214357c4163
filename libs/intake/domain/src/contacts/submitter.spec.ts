import { identityStreamId } from '../customers/identity';
import { Forbidden } from '@collab/domain-kernel';
import type { Requester } from '../contact';
import { recognisedKeysOf, speakingFor, type Submitter } from './submitter';

const customerB: Submitter = { subject: 'cust-b', audience: 'EXTERNAL', roles: [] };
const channel: Submitter = { subject: 'app-backend', audience: 'EXTERNAL', roles: ['channel'] };
const agent: Submitter = { subject: 'agent-7', audience: 'INTERNAL', roles: ['agent'] };
const resellerStaff: Submitter = { subject: 'r-1', audience: 'PARTNER', roles: ['partner-agent'], partner: 'reseller-a' };
const partnerEmployee: Submitter = { subject: 'p-9', audience: 'PARTNER', roles: [], partner: 'reseller-a' };

describe('whom a contact speaks for', () => {
  it.each<[string, Submitter, Parameters<typeof speakingFor>[1]]>([
    ["a customer naming another customer's id", customerB, { audience: 'EXTERNAL', requester: { id: 'cust-a' } }],
    ['a customer claiming the INTERNAL audience', customerB, { audience: 'INTERNAL', requester: { id: 'cust-b' } }],
    ["a customer claiming a partner's requester", customerB, { audience: 'EXTERNAL', requester: { id: 'cust-b', partner: 'reseller-a' } }],
    ['a partner employee naming another partner', partnerEmployee, { audience: 'PARTNER', requester: { partner: 'reseller-b' } }],
    ["partner staff naming another partner's requester", resellerStaff, { audience: 'PARTNER', requester: { id: 'x', partner: 'reseller-b' } }],
    ['partner staff claiming the INTERNAL audience', resellerStaff, { audience: 'INTERNAL', requester: { id: 'x' } }],
    ['an unknown role acting for another', { subject: 'w', audience: 'INTERNAL', roles: ['wizard'] }, { audience: 'INTERNAL', requester: { id: 'cust-a' } }],
  ])('refuses %s', (_case, submitter, claimed) => expect(() => speakingFor(submitter, claimed)).toThrow(Forbidden));

  it("is the token's holder for a customer, recognised by the customer id alone", () => {
    const claimed: Requester = { phone: '+8613700137000', email: 'a@example.com' };
    const speaking = speakingFor(customerB, { audience: 'EXTERNAL', requester: claimed });
    expect(speaking).toEqual({ requester: { id: 'cust-b', phone: '+8613700137000', email: 'a@example.com' }, recognition: 'customer-id-only' });
    expect(recognisedKeysOf(speaking.requester, speaking.recognition)).toEqual([{ kind: 'customer-id', value: 'cust-b' }]);
  });

  it.each([
    ['a channel', channel],
    ['staff', agent],
  ])('is whoever %s names, recognised by any key', (_who, submitter) => {
    const requester = { id: 'cust-a', phone: '+8613700137000', partner: 'reseller-a' };
    expect(speakingFor(submitter, { audience: 'PARTNER', requester })).toEqual({ requester, recognition: 'any-key' });
  });

  it("recognises partner staff's requesters only among their partner's customers, never the enterprise's own", () => {
    const speaking = speakingFor(resellerStaff, { audience: 'PARTNER', requester: { id: 'cust-a', phone: '+8613700137000' } });
    expect(speaking).toEqual({ requester: { id: 'cust-a', phone: '+8613700137000', partner: 'reseller-a' }, recognition: 'partner-keys' });
    const keys = recognisedKeysOf(speaking.requester, speaking.recognition);
    expect(keys).toEqual([
      { kind: 'customer-id', value: 'cust-a', scope: 'reseller-a' },
      { kind: 'phone', value: '+8613700137000', scope: 'reseller-a' },
    ]);
    expect(keys.map(identityStreamId)).not.toContain(identityStreamId({ kind: 'customer-id', value: 'cust-a' }));
    expect(identityStreamId({ kind: 'customer-id', value: 'x', scope: 'a-phone' })).not.toBe(identityStreamId({ kind: 'customer-id', value: 'x', scope: 'a' }));
  });

  it('refuses partner staff whose token names no partner', () => {
    const { partner: _partner, ...withoutPartner } = resellerStaff;
    expect(() => speakingFor(withoutPartner, { audience: 'PARTNER', requester: { id: 'cust-a' } })).toThrow(Forbidden);
  });
});
