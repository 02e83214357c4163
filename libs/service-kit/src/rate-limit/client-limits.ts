import { holds } from '@collab/domain-kernel';
import type { Principal } from '../auth/principal';

/** How many requests a client may make per window (RATE_LIMIT_* settings, validated at start). */
export interface RateLimitSettings {
  readonly windowMs: number;
  /** A caller with a valid token, keyed by its subject. */
  readonly perClient: number;
  /** A front-office channel: it submits for many customers, so it gets its own, larger allowance. */
  readonly perChannel: number;
  /** No token, or one that does not verify: keyed by the caller's address, so bad signatures count there. */
  readonly perAddress: number;
}

/** Whom a request is counted against, and how many it may make. */
export interface ClientBucket {
  readonly key: string;
  readonly limit: number;
}

/** The one rule for REST and gRPC: the token's subject when it verifies, else the address. */
export const bucketOf = (settings: RateLimitSettings, principal: Principal | undefined, address: string): ClientBucket => {
  if (!principal) return { key: `address:${address}`, limit: settings.perAddress };
  return { key: `subject:${principal.subject}`, limit: holds(principal, 'channel') ? settings.perChannel : settings.perClient };
};

/** A client over its allowance: 429 + Retry-After on REST, RESOURCE_EXHAUSTED on gRPC. */
export class RateLimited extends Error {
  override readonly name = 'RateLimited';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests from this client; retry after ${retryAfterSeconds} s`);
  }
}

/** gRPC peers read `ipv4:127.0.0.1:5000`, `ipv6:[::1]:5000` or `127.0.0.1:5000`: the address without the port. */
export const addressOfPeer = (peer: string): string => {
  const withoutScheme = peer.replace(/^ipv[46]:/, '');
  const bracketed = /^\[([^\]]+)\]/.exec(withoutScheme);
  if (bracketed) return bracketed[1]!;
  const lastColon = withoutScheme.lastIndexOf(':');
  return lastColon > 0 && withoutScheme.indexOf(':') === lastColon ? withoutScheme.slice(0, lastColon) : withoutScheme;
};
