import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
} from '@opentelemetry/api';

/**
 * W3C trace context as an event carries it: in its stored metadata, and on the wire as the
 * CloudEvents distributed-tracing extension (`traceparent`, `tracestate`). The fields name the
 * context the event was appended in, so whoever handles the event later, in another process or a
 * day after, continues that trace.
 */
export interface TraceFields {
  readonly traceparent?: string;
  readonly tracestate?: string;
}

const NO_FIELDS: TraceFields = Object.freeze({});

/**
 * The trace fields of a context (the active one by default); none when no span is in it — which is
 * always the case while tracing is off, so appends then store nothing more.
 */
export const traceFieldsOf = (of: Context = context.active()): TraceFields => {
  if (!trace.getSpanContext(of)) return NO_FIELDS;
  const carrier: Record<string, string> = {};
  propagation.inject(of, carrier);
  const { traceparent, tracestate } = carrier;
  if (traceparent === undefined) return NO_FIELDS;
  return tracestate ? { traceparent, tracestate } : { traceparent };
};

/** The context to continue from: the one the fields name, else the root (a trace of its own). */
export const contextOfTraceFields = (fields: { readonly traceparent?: unknown; readonly tracestate?: unknown }): Context => {
  const { traceparent, tracestate } = fields;
  if (typeof traceparent !== 'string') return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, typeof tracestate === 'string' ? { traceparent, tracestate } : { traceparent });
};

export interface SpanSpec {
  readonly name: string;
  readonly kind: SpanKind;
  /** Parent of the span; the active context when absent. */
  readonly parent?: Context;
  /** Computed only when the span records, so tracing off costs no attribute objects. */
  readonly attributes?: () => Attributes;
}

const tracer = trace.getTracer('collab');

/** Marks the span failed with the error, for spans whose work threw. */
export const recordFailure = (span: Span, error: unknown): void => {
  if (!span.isRecording()) return;
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
};

/** Starts a span (not made active), with its attributes when it records. */
export const startSpan = (spec: SpanSpec): Span => {
  const span = tracer.startSpan(spec.name, { kind: spec.kind }, spec.parent ?? context.active());
  if (spec.attributes && span.isRecording()) span.setAttributes(spec.attributes());
  return span;
};

const untraced = <T>(work: (span: Span) => Promise<T>, span: Span): Promise<T> => {
  try {
    return work(span);
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
};

/**
 * Runs `work` in a span made active for it, so what it does (appends, further calls) continues the
 * trace; the span ends when the work settles, failed if it threw. Without tracing this is one no-op
 * call of the OpenTelemetry API, and the work runs as it is.
 */
export const inSpan = <T>(spec: SpanSpec, work: (span: Span) => Promise<T>): Promise<T> => {
  const span = startSpan(spec);
  // Tracing off (no SDK, no trace to continue): nothing to make active, nothing to end.
  if (!trace.isSpanContextValid(span.spanContext())) return untraced(work, span);
  return context.with(trace.setSpan(spec.parent ?? context.active(), span), async () => {
    try {
      return await work(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
};
