import { randomUUID } from 'node:crypto';
import type { Actor } from '@collab/event-store';
import { actorOf, type Principal } from './principal';

/** Who asked, and which request the resulting events belong to (their metadata). */
export interface CommandOrigin {
  readonly actor: Actor;
  readonly correlationId: string;
}

/** A request without `X-Correlation-Id` starts its own correlation. */
export const originOf = (principal: Principal, correlationId: string | undefined): CommandOrigin => ({
  actor: actorOf(principal),
  correlationId: correlationId ?? randomUUID(),
});
