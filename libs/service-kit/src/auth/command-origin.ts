import { randomUUID } from 'node:crypto';
import type { EventMetadata, RequestOrigin } from '@collab/event-store';
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
  readonly from?: RequestOrigin;
}

/** A request without `X-Correlation-Id` starts its own correlation. */
export const originOf = (principal: Principal, correlationId: string | undefined): CommandOrigin => ({
  actor: actorOf(principal),
  correlationId: correlationId ?? randomUUID(),
  ...(principal.from ? { from: principal.from } : {}),
});

/** The metadata of the events a person's command appends: who, in which correlation, and from where (the audit). */
export const metadataOfOrigin = (origin: CommandOrigin): EventMetadata => ({
  correlationId: origin.correlationId,
  actor: origin.actor,
  ...(origin.from ? { from: origin.from } : {}),
});
