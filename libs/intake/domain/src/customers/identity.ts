import type { Requester } from '../contact';

/** One way to recognise a customer across channels: their customer id, phone (E.164) or email. */
export interface IdentityKey {
  readonly kind: 'customer-id' | 'phone' | 'email';
  readonly value: string;
  /**
   * The partner whose customers the key names; absent for the enterprise's own. A partner's
   * `cust-a` is not the enterprise's `cust-a`: partner staff never reach a customer they do not serve.
   */
  readonly scope?: string;
}

/** Strongest first: an explicit customer id beats a phone number, which beats an email. */
export const identityKeysOf = (requester: Requester): IdentityKey[] => [
  ...(requester.id ? [{ kind: 'customer-id' as const, value: requester.id }] : []),
  ...(requester.phone ? [{ kind: 'phone' as const, value: requester.phone }] : []),
  ...(requester.email ? [{ kind: 'email' as const, value: requester.email.toLowerCase() }] : []),
];

/**
 * The stream that records which customer an identity belongs to. Its first event claims the
 * identity; appending it with "no stream" makes the event store the arbiter when two channels
 * meet a new customer at the same moment.
 */
export const identityStreamId = (key: IdentityKey): string =>
  // Length-prefixed: no partner id can make its keys collide with another partner's or the enterprise's.
  key.scope === undefined ? `identity-${key.kind}-${key.value}` : `identity-partner-${key.scope.length}-${key.scope}-${key.kind}-${key.value}`;

export interface IdentityClaimed {
  readonly type: 'IdentityClaimed';
  readonly data: { readonly customerId: string; readonly kind: IdentityKey['kind']; readonly value: string; readonly claimedAt: string };
}
