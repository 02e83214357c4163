import { CLOUDEVENTS_CONTENT_TYPE, jsonSchemaOf, topicOf, type PublicEvent, type PublishedLanguage } from '@collab/contracts';

/** The CloudEvents 1.0 structured-mode envelope of one event type (DESIGN §5), its `data` the event's schema. */
const envelopeOf = (event: PublicEvent) => {
  const { $schema: _schema, ...data } = jsonSchemaOf(event);
  return {
    type: 'object',
    required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'data', 'streamversion', 'position', 'correlationid', 'actor'],
    properties: {
      specversion: { const: '1.0' },
      id: { type: 'string', description: 'The event id; delivery is at least once, de-duplicate by it' },
      source: { const: `/collab/${event.service}` },
      type: { const: event.eventType },
      subject: { type: 'string', description: 'The stream id, also the Kafka key' },
      time: { type: 'string', format: 'date-time' },
      datacontenttype: { const: 'application/json' },
      dataschema: { const: event.schemaId },
      data,
      streamversion: { type: 'integer', minimum: 1 },
      position: { type: 'string', pattern: '^\\d+$' },
      correlationid: { type: 'string' },
      causationid: { type: 'string' },
      actor: { type: 'string', description: '<kind>:<id> of who caused the event: the person, customer or channel also when a service carried it out for them' },
      actorvia: { type: 'string', description: "<kind>:<id> of the service that carried the event out on the actor's behalf; absent when the actor did it" },
      calleraddress: { type: 'string', description: 'The client address of the request that caused the event (personal data); absent for what no request caused' },
      calleragent: { type: 'string', description: 'The User-Agent of that request, at most 256 characters' },
      traceparent: { type: 'string' },
      tracestate: { type: 'string' },
    },
  };
};

const exampleEnvelope = (event: PublicEvent, data: unknown) => ({
  specversion: '1.0',
  id: '3b1f0c9e-6a2d-4f5e-8c7b-1a2b3c4d5e6f',
  source: `/collab/${event.service}`,
  type: event.eventType,
  subject: 'case-5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
  time: '2026-11-23T02:00:00.000Z',
  datacontenttype: 'application/json',
  dataschema: event.schemaId,
  data,
  streamversion: 1,
  position: '42',
  correlationid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  actor: 'service:' + event.service,
});

/** An AsyncAPI 3.0 document of one service's topic, generated from its published language. */
export const asyncApiOf = (language: PublishedLanguage) => {
  const topic = topicOf(language.service);
  const events = [...language.all];
  const messageId = (event: PublicEvent) => `${event.type}V${event.version}`;
  return {
    asyncapi: '3.0.0',
    info: {
      title: `collab ${language.service} events`,
      version: '1.0.0',
      description: `Every public event of ${language.service}, as CloudEvents 1.0 in structured JSON mode on ${topic}, keyed by stream id. Generated from libs/contracts by npm run contracts:generate.`,
    },
    defaultContentType: CLOUDEVENTS_CONTENT_TYPE,
    channels: {
      events: {
        address: topic,
        description: 'Keyed by stream id, so one stream\'s events stay in order within a partition.',
        messages: Object.fromEntries(events.map((event) => [messageId(event), { $ref: `#/components/messages/${messageId(event)}` }])),
      },
    },
    operations: {
      consumeEvents: { action: 'receive', channel: { $ref: '#/channels/events' }, summary: `Read ${topic}` },
    },
    components: {
      messages: Object.fromEntries(
        events.map((event) => [
          messageId(event),
          {
            name: event.eventType,
            title: `${event.type} v${event.version}`,
            summary: event.description,
            contentType: CLOUDEVENTS_CONTENT_TYPE,
            headers: { type: 'object', properties: { 'content-type': { const: CLOUDEVENTS_CONTENT_TYPE } } },
            payload: envelopeOf(event),
            examples: event.examples.map((data) => ({ payload: exampleEnvelope(event, data) })),
          },
        ]),
      ),
    },
  };
};
