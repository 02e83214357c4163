/**
 * Who did it, as the event records it (DESIGN.md §4: each step has actor, time and reason). The
 * same shape as the event store's metadata actor, which a domain lib cannot import: the data
 * keeps the business fact (who resolved, who returned), the metadata the authenticated caller.
 */
export interface ActorRef {
  readonly id: string;
  readonly kind: 'user' | 'partner' | 'service' | 'system';
}

/** Unit (or queue, or partner) id → the id of its supervisor, as the org directory says. */
export type SupervisorDirectory = Readonly<Record<string, string>>;
