import { SpanKind, trace } from '@opentelemetry/api';
import type { CollabEvent } from '@collab/contracts';
import { contextOfTraceFields, inSpan, recordFailure, startSpan, type RecordedEvent } from '@collab/event-store';

// Messaging attributes of the OpenTelemetry semantic conventions (still incubating there, so named here).
const SYSTEM = 'messaging.system';
const DESTINATION = 'messaging.destination.name';
const OPERATION_TYPE = 'messaging.operation.type';
const MESSAGE_ID = 'messaging.message.id';
const MESSAGE_KEY = 'messaging.kafka.message.key';

/** The spans of one relayed batch: ended together once the broker acknowledged it, or failed with it. */
export interface PublishSpans {
  end(error?: unknown): void;
}

/**
 * A `send <topic>` producer span per relayed event that carries a trace context, as a child of the
 * append that stored it: the publication joins the trace of the request that caused the event. An
 * event appended without tracing gets none (there is no trace to continue).
 */
export const publishSpans = (topic: string, events: readonly RecordedEvent[]): PublishSpans => {
  const spans = events.flatMap((event) => {
    const parent = contextOfTraceFields(event.metadata);
    if (!trace.getSpanContext(parent)) return [];
    const attributes = () => ({
      [SYSTEM]: 'kafka',
      [DESTINATION]: topic,
      [OPERATION_TYPE]: 'send',
      [MESSAGE_ID]: event.id,
      [MESSAGE_KEY]: event.streamId,
      'collab.event.type': event.type,
      'collab.position': event.position.toString(),
    });
    return [startSpan({ name: `send ${topic}`, kind: SpanKind.PRODUCER, parent, attributes })];
  });
  return {
    end: (error?: unknown) => {
      for (const span of spans) {
        if (error !== undefined) recordFailure(span, error);
        span.end();
      }
    },
  };
};

export interface ConsumedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly consumerName: string;
}

/**
 * One attempt at handling a consumed event, in a `process <topic>` consumer span whose parent is the
 * event's `traceparent` extension (the append that stored it): the handler's appends join that trace.
 */
export const processInSpan = (event: CollabEvent, consumed: ConsumedMessage, work: () => Promise<void>): Promise<void> => {
  const attributes = () => ({
    [SYSTEM]: 'kafka',
    [DESTINATION]: consumed.topic,
    [OPERATION_TYPE]: 'process',
    [MESSAGE_ID]: event.id,
    [MESSAGE_KEY]: event.subject,
    'messaging.consumer.group.name': consumed.consumerName,
    'messaging.destination.partition.id': String(consumed.partition),
    'messaging.kafka.offset': Number(consumed.offset),
    'collab.event.type': event.type,
  });
  return inSpan({ name: `process ${consumed.topic}`, kind: SpanKind.CONSUMER, parent: contextOfTraceFields(event), attributes }, work);
};
