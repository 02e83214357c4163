import { context, propagation, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { fromReadableSpan, type RecordedSpan } from './recorded-span';

/**
 * Tracing in this (test) process, as runService starts it but into memory: the SDK's
 * InMemorySpanExporter, W3C propagation and the async-hooks context manager.
 */
export class SpanRecorder {
  private constructor(
    private readonly provider: NodeTracerProvider,
    private readonly exporter: InMemorySpanExporter,
  ) {}

  static start(service = 'collab-platform'): SpanRecorder {
    const exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ resource: resourceFromAttributes({ 'service.name': service }), spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
    return new SpanRecorder(provider, exporter);
  }

  spans(): RecordedSpan[] {
    return this.exporter.getFinishedSpans().map(fromReadableSpan);
  }

  async stop(): Promise<void> {
    await this.provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  }
}
