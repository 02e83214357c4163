import type { RecordedEvent } from '@collab/event-store';
import { eventTypeOf, schemaIdOf, type CollabEvent, type ServiceContract } from '@collab/contracts';

export class UnpublishedEventType extends Error {
  override readonly name = 'UnpublishedEventType';
  constructor(readonly service: string, readonly eventType: string) {
    super(`${service} has no public contract for event type ${eventType}`);
  }
}

/** The one mapping from a stored event to its public CloudEvents envelope. */
export const toCollabEvent = (contract: ServiceContract, event: RecordedEvent): CollabEvent => {
  const definition = contract.events[event.type];
  if (!definition) throw new UnpublishedEventType(contract.service, event.type);
  const { actor, correlationId, causationId, occurredAt, traceparent, tracestate } = event.metadata;
  return {
    specversion: '1.0',
    id: event.id,
    source: `/collab/${contract.service}`,
    type: eventTypeOf(contract.service, event.type, definition.version),
    subject: event.streamId,
    time: occurredAt ?? event.recordedAt.toISOString(),
    datacontenttype: 'application/json',
    dataschema: schemaIdOf(contract.service, event.type, definition.version),
    data: { ...event.data },
    streamversion: event.streamVersion,
    position: event.position.toString(),
    correlationid: correlationId,
    ...(causationId === undefined ? {} : { causationid: causationId }),
    actor: `${actor.kind}:${actor.id}`,
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
    ...(typeof traceparent === 'string' && typeof tracestate === 'string' ? { tracestate } : {}),
  };
};

/** True when the service's contract publishes this stored event type. */
export const isPublished = (contract: ServiceContract, eventType: string): boolean =>
  Object.prototype.hasOwnProperty.call(contract.events, eventType);
