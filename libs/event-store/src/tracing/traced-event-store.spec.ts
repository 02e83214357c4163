import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { anEvent, aStreamId, metadata } from '../testing/fixtures';
import { contextOfTraceFields, inSpan, traceFieldsOf } from './event-trace';
import { TracedEventStore } from './traced-event-store';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

describe('an event store without tracing', () => {
  it('stores the metadata as given', async () => {
    const store = new TracedEventStore(new InMemoryEventStore(), 'intake');
    const streamId = aStreamId();
    await store.append(streamId, [anEvent()], 'no_stream');
    const [stored] = await store.readStream(streamId);
    expect(stored!.metadata).not.toHaveProperty('traceparent');
    expect(traceFieldsOf()).toEqual({});
  });

  it('runs handling as it is, failures included, with nothing made active', async () => {
    const parent = contextOfTraceFields({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    await expect(inSpan({ name: 'handle', kind: SpanKind.CONSUMER, parent }, () => Promise.resolve(trace.getActiveSpan()))).resolves.toBeUndefined();
    await expect(inSpan({ name: 'handle', kind: SpanKind.CONSUMER, parent }, () => Promise.reject(new Error('poison')))).rejects.toThrow('poison');
  });
});

describe('an event store with tracing', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  beforeEach(() => exporter.reset());

  const within = <T>(work: () => Promise<T>) => trace.getTracer('spec').startActiveSpan('request', (span) => work().finally(() => span.end()));

  it('appends in a span of the request and stores that span as the events\' traceparent', async () => {
    const store = new TracedEventStore(new InMemoryEventStore(), 'intake');
    const streamId = aStreamId();
    await within(() => store.append(streamId, [anEvent('CaseOpened'), anEvent('CaseAcknowledged')], 'no_stream'));

    const append = exporter.getFinishedSpans().find((span) => span.name === 'append intake')!;
    const request = exporter.getFinishedSpans().find((span) => span.name === 'request')!;
    expect(append.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(append.attributes).toMatchObject({ 'collab.log': 'intake', 'collab.stream.id': streamId, 'collab.event.types': ['CaseOpened', 'CaseAcknowledged'], 'collab.stream.version': 2 });
    for (const stored of await store.readStream(streamId)) {
      const [, traceId, spanId] = TRACEPARENT.exec(String(stored.metadata.traceparent))!;
      expect({ traceId, spanId }).toEqual({ traceId: append.spanContext().traceId, spanId: append.spanContext().spanId });
    }
  });

  it('keeps a trace context the writer put in the metadata itself', async () => {
    const store = new TracedEventStore(new InMemoryEventStore(), 'intake');
    const streamId = aStreamId();
    const original = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await within(() => store.append(streamId, [{ ...anEvent(), metadata: metadata({ traceparent: original }) }], 'no_stream'));
    const [stored] = await store.readStream(streamId);
    expect(stored!.metadata.traceparent).toBe(original);
  });

  it('continues a stored trace: the handling span is a child of the append, with its tracestate', async () => {
    const stored = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'vendor=x' };
    const parent = contextOfTraceFields(stored);
    await inSpan({ name: 'handle', kind: SpanKind.CONSUMER, parent }, () => Promise.resolve());
    const [handled] = exporter.getFinishedSpans();
    expect(handled!.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(handled!.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(handled!.spanContext().traceState?.serialize()).toBe('vendor=x');
  });

  it('starts a trace of its own for an event that carries none, and marks a failed handling', async () => {
    await expect(inSpan({ name: 'handle', kind: SpanKind.CONSUMER, parent: contextOfTraceFields({}) }, () => Promise.reject(new Error('poison')))).rejects.toThrow('poison');
    const [handled] = exporter.getFinishedSpans();
    expect(handled!.parentSpanContext).toBeUndefined();
    expect(handled!.status).toMatchObject({ code: 2, message: 'poison' });
  });
});
