import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import type { CollabEvent } from '@collab/contracts';
import { TracedEventStore } from '@collab/event-store';
import type { RunningConsumer } from '../messaging.port';
import { caseId, caseOpened, intakeContract } from '../testing/collab-fixtures';
import { eventually } from '../testing/eventually';
import { KafkaEventConsumer } from './kafka-event-consumer';
import { connection, quietLogger, TopicReader, uniquePrefix } from './testing/kafka-test-kit';
import { RelayHarness } from './testing/relay-harness';

jest.setTimeout(60_000);

describe('a trace through Kafka: append, relay, consumer', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const prefix = uniquePrefix('tracing');
  const topic = `${prefix}collab.intake.events.v1`;
  let harness: RelayHarness;
  let consumer: RunningConsumer | undefined;
  let reader: TopicReader | undefined;

  beforeAll(async () => {
    provider.register();
    harness = await RelayHarness.open('relay_tracing', intakeContract, connection(prefix));
  });
  afterAll(async () => {
    await consumer?.stop();
    await reader?.stop();
    await harness.close();
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  const spanNamed = (name: string): ReadableSpan | undefined => exporter.getFinishedSpans().find((span) => span.name === name);

  it('publishes the append\'s trace context as traceparent, and the consumer continues it', async () => {
    const handledIn: string[] = [];
    consumer = await new KafkaEventConsumer({ kafka: connection(prefix), maxWaitTimeMs: 200, logger: quietLogger }).consume({
      consumerName: 'workflow.tracing',
      source: 'intake',
      handle: () => Promise.resolve(void handledIn.push(trace.getActiveSpan()?.spanContext().spanId ?? 'none')),
    });
    await consumer.joined?.();
    const store = new TracedEventStore(harness.store, 'intake');
    const opened = caseOpened();
    await trace.getTracer('spec').startActiveSpan('POST /api/v1/contacts', (span) => store.append(caseId(), [opened], 'no_stream').finally(() => span.end()));
    harness.start();
    reader = await TopicReader.open(topic);
    await eventually(() => expect(handledIn).toHaveLength(1));
    await eventually(() => expect(spanNamed(`process ${topic}`)).toBeDefined());
    // The send span ends when the broker's acknowledgement reaches the relay, which may come after
    // the consumer has already handled the message.
    await eventually(() => expect(spanNamed(`send ${topic}`)).toBeDefined());
    await eventually(() => expect(reader?.messages).toHaveLength(1));

    const append = spanNamed('append intake')!;
    const sent = spanNamed(`send ${topic}`)!;
    const processed = spanNamed(`process ${topic}`)!;
    const { traceId, spanId } = append.spanContext();
    const published = JSON.parse(reader.messages[0]!.value!) as CollabEvent;
    expect(published.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(sent.parentSpanContext?.spanId).toBe(spanId);
    expect(sent.attributes).toMatchObject({ 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.message.id': opened.id });
    expect(processed.spanContext().traceId).toBe(traceId);
    expect(processed.parentSpanContext?.spanId).toBe(spanId);
    expect(processed.attributes).toMatchObject({ 'messaging.consumer.group.name': 'workflow.tracing', 'messaging.message.id': opened.id });
    expect(handledIn).toEqual([processed.spanContext().spanId]);
  });
});
