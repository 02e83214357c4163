import type { ServiceName } from './service-name';

/**
 * The public envelope of every event leaving a service: a CloudEvents 1.0 event in structured
 * JSON mode (DESIGN.md §5). Extension values are strings or small integers, as CloudEvents
 * allows; `position` is a string because a global position can outgrow a 32-bit integer.
 */
export interface CollabEvent<Data = Record<string, unknown>> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: `/collab/${ServiceName}`;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema: string;
  readonly data: Data;
  readonly streamversion: number;
  readonly position: string;
  readonly correlationid: string;
  readonly causationid?: string;
  /**
   * `<kind>:<id>` of whoever caused the event, e.g. `user:agent-17` or `service:workflow`: the
   * person, customer or channel also when a service carried it out for them (then `actorvia`).
   */
  readonly actor: string;
  /** `<kind>:<id>` of the service that carried the event out on the actor's behalf; absent when the actor did it. */
  readonly actorvia?: string;
  /** The client address of the request that caused it (as the edge reports it); absent for what no request caused. Personal data. */
  readonly calleraddress?: string;
  /** The User-Agent of that request, at most 256 characters. */
  readonly calleragent?: string;
  /**
   * The CloudEvents distributed-tracing extension: the W3C trace context the event was appended in
   * (present when the writer traced), so a consumer's handling joins that trace.
   */
  readonly traceparent?: string;
  readonly tracestate?: string;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json';

/** `collab.intake.CaseOpened.v1` → `{ service: 'intake', name: 'CaseOpened', version: 1 }`. */
export const parseEventType = (
  type: string,
): { service: string; name: string; version: number } | undefined => {
  const match = /^collab\.([a-z]+)\.([A-Za-z]+)\.v(\d+)$/.exec(type);
  if (!match) return undefined;
  const [, service, name, version] = match;
  return { service: service!, name: name!, version: Number(version) };
};

export const eventTypeOf = (service: ServiceName, name: string, version: number): string =>
  `collab.${service}.${name}.v${version}`;

export const schemaIdOf = (service: ServiceName, name: string, version: number): string =>
  `urn:collab:schema:${service}:${name}:v${version}`;
