import { responsibleActorOf, type Actor, type RecordedEvent } from '@collab/event-store';
import type { CollabEvent, ServiceContract } from '@collab/contracts';

export class UnpublishedEventType extends Error {
  override readonly name = 'UnpublishedEventType';
  constructor(
    readonly service: string,
    readonly eventType: string,
  ) {
    super(`${service} has no public contract for event type ${eventType}`);
  }
}

const extensionOf = (actor: Actor): string => `${actor.kind}:${actor.id}`;

/**
 * The one mapping from a stored event to its public CloudEvents envelope: the service's contract
 * maps the internal event to its public event (type, version, data); the envelope is the same for all.
 */
export const toCollabEvent = (contract: ServiceContract, event: RecordedEvent): CollabEvent => {
  const publication = contract.toPublic(event);
  if (!publication) throw new UnpublishedEventType(contract.service, event.type);
  const { event: definition, data } = publication;
  const { actor, onBehalfOf, correlationId, causationId, occurredAt, traceparent, tracestate, from } = event.metadata;
  return {
    specversion: '1.0',
    id: event.id,
    source: `/collab/${contract.service}`,
    type: definition.eventType,
    subject: event.streamId,
    time: occurredAt ?? event.recordedAt.toISOString(),
    datacontenttype: 'application/json',
    dataschema: definition.schemaId,
    data: { ...data },
    streamversion: event.streamVersion,
    position: event.position.toString(),
    correlationid: correlationId,
    ...(causationId === undefined ? {} : { causationid: causationId }),
    // Who did it, one way (ADR 0014): the person a service acted for, and the service beside them.
    actor: extensionOf(responsibleActorOf(event.metadata)),
    ...(onBehalfOf === undefined ? {} : { actorvia: extensionOf(actor) }),
    // From where (the audit trail): the request's client address and User-Agent.
    ...(from === undefined ? {} : { calleraddress: from.address, ...(from.userAgent === undefined ? {} : { calleragent: from.userAgent }) }),
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
    ...(typeof traceparent === 'string' && typeof tracestate === 'string' ? { tracestate } : {}),
  };
};

/** True when the service's contract publishes this stored event type. */
export const isPublished = (contract: ServiceContract, eventType: string): boolean =>
  contract.publishes.includes(eventType);

const ACTOR_KINDS: ReadonlySet<string> = new Set<Actor['kind']>(['user', 'partner', 'customer', 'channel', 'service', 'system']);

/** The CloudEvents `actor` extension (`<kind>:<id>`, as toCollabEvent writes it) read back; undefined when it is not one. */
export const actorOfExtension = (actor: string): Actor | undefined => {
  const separator = actor.indexOf(':');
  const [kind, id] = [actor.slice(0, separator), actor.slice(separator + 1)];
  return separator > 0 && id !== '' && ACTOR_KINDS.has(kind) ? { kind: kind as Actor['kind'], id } : undefined;
};
