import type { RequestOrigin } from '@collab/event-store';

/** Which kind of customer the caller is; it decides which knowledge and cases are visible. */
export const AUDIENCES = ['EXTERNAL', 'INTERNAL', 'PARTNER'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The authenticated caller, read from a verified JWT (claims sub, roles, unit, partner, audience). */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly audience: Audience;
  readonly unit?: string;
  readonly partner?: string;
  /** Where this request came from (HTTP: the client's address, as trusted proxies report it, and User-Agent). */
  readonly from?: RequestOrigin;
}

/** A missing, malformed, expired or badly signed token: 401 on REST, UNAUTHENTICATED on gRPC. */
export class Unauthenticated extends Error {
  override readonly name = 'Unauthenticated';
}

export interface Authenticator {
  /** Verifies an `Authorization` header value (`Bearer <jwt>`) and returns who is calling. */
  authenticate(authorization: string | undefined): Promise<Principal>;
}

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');

/** An authenticated caller as an event's actor: the kinds a published event's `data.actor` may carry too. */
export interface CallerActor {
  readonly id: string;
  readonly kind: 'user' | 'partner';
}

/** Who the events of a request are attributed to: partner staff as partners, everyone else as users. */
export const actorOf = (principal: Principal): CallerActor => ({
  id: principal.subject,
  kind: principal.audience === 'PARTNER' ? 'partner' : 'user',
});
