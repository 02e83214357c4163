import { randomUUID } from 'node:crypto';
import { actorOf, type Principal } from './principal';

/**
 * Who a command's events are attributed to, in the kinds a published event's `data.actor` carries
 * (a customer or channel is known to metadata only, see the event store's Actor).
 */
export interface OriginActor {
  readonly id: string;
  readonly kind: 'user' | 'partner' | 'service' | 'system';
}

/** Who asked, and which request the resulting events belong to (their metadata). */
export interface CommandOrigin {
  readonly actor: OriginActor;
  readonly correlationId: string;
}

/** A request without `X-Correlation-Id` starts its own correlation. */
export const originOf = (principal: Principal, correlationId: string | undefined): CommandOrigin => ({
  actor: actorOf(principal),
  correlationId: correlationId ?? randomUUID(),
});
