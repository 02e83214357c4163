import { responsibleActorOf, type Actor, type RecordedEvent } from '@collab/event-store';
import type { CollabEvent, PublicEvent, ServiceContract } from '@collab/contracts';

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

type Writable<T> = { -readonly [Key in keyof T]: T[Key] };

/**
 * The public CloudEvents envelope of a stored event published as `definition` with `data`, fields
 * in the order they are published. The optional fields are added one by one, not spread in: an
 * object built by spreads was about twice as slow to make, and the relay makes one per event.
 */
const collabEnvelope = <Data>(contract: ServiceContract, definition: PublicEvent, event: RecordedEvent, data: Data): CollabEvent<Data> => {
  const { actor, onBehalfOf, correlationId, causationId, occurredAt, traceparent, tracestate, from } = event.metadata;
  // Built in the published field order; `actor` comes after the optional `causationid`.
  const envelope: Writable<Omit<CollabEvent<Data>, 'actor'>> & { actor?: string } = {
    specversion: '1.0',
    id: event.id,
    source: `/collab/${contract.service}`,
    type: definition.eventType,
    subject: event.streamId,
    time: occurredAt ?? event.recordedAt.toISOString(),
    datacontenttype: 'application/json',
    dataschema: definition.schemaId,
    data,
    streamversion: event.streamVersion,
    position: event.position.toString(),
    correlationid: correlationId,
  };
  if (causationId !== undefined) envelope.causationid = causationId;
  // Who did it, one way (ADR 0014): the person a service acted for, and the service beside them.
  envelope.actor = extensionOf(responsibleActorOf(event.metadata));
  if (onBehalfOf !== undefined) envelope.actorvia = extensionOf(actor);
  // From where (the audit trail): the request's client address and User-Agent.
  if (from !== undefined) {
    envelope.calleraddress = from.address;
    if (from.userAgent !== undefined) envelope.calleragent = from.userAgent;
  }
  if (typeof traceparent === 'string') {
    envelope.traceparent = traceparent;
    if (typeof tracestate === 'string') envelope.tracestate = tracestate;
  }
  return envelope as CollabEvent<Data>;
};

/**
 * The one mapping from a stored event to its public CloudEvents envelope: the service's contract
 * maps the internal event to its public event (type, version, data); the envelope is the same for all.
 */
export const toCollabEvent = (contract: ServiceContract, event: RecordedEvent): CollabEvent => {
  const publication = contract.toPublic(event);
  if (!publication) throw new UnpublishedEventType(contract.service, event.type);
  return collabEnvelope(contract, publication.event, event, { ...publication.data });
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
