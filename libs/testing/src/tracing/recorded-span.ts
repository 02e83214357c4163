import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';

export type SpanKindName = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';

/** A finished span as a test asserts on it, whether it was recorded in this process or received over OTLP. */
export interface RecordedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: SpanKindName;
  /** The resource's `service.name`. */
  readonly service: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** ERROR when the work it measured failed (e.g. an attempt that was retried). */
  readonly failed: boolean;
}

const API_KINDS: Record<SpanKind, SpanKindName> = {
  [SpanKind.INTERNAL]: 'INTERNAL',
  [SpanKind.SERVER]: 'SERVER',
  [SpanKind.CLIENT]: 'CLIENT',
  [SpanKind.PRODUCER]: 'PRODUCER',
  [SpanKind.CONSUMER]: 'CONSUMER',
};

export const fromReadableSpan = (span: ReadableSpan): RecordedSpan => {
  const parentSpanId = span.parentSpanContext?.spanId;
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    ...(parentSpanId === undefined ? {} : { parentSpanId }),
    name: span.name,
    kind: API_KINDS[span.kind],
    service: String(span.resource.attributes['service.name']),
    attributes: { ...span.attributes },
    failed: span.status.code === SpanStatusCode.ERROR,
  };
};

/** OTLP's JSON encoding (what the OTLP/HTTP exporter sends): ids in hex, kinds numbered from 1. */
interface OtlpValue {
  readonly stringValue?: string;
  readonly intValue?: number | string;
  readonly doubleValue?: number;
  readonly boolValue?: boolean;
  readonly arrayValue?: { readonly values?: readonly OtlpValue[] };
}
interface OtlpAttribute {
  readonly key: string;
  readonly value: OtlpValue;
}
interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes?: readonly OtlpAttribute[];
  /** Code 2 is STATUS_CODE_ERROR. */
  readonly status?: { readonly code?: number };
}
export interface OtlpTraces {
  readonly resourceSpans?: readonly {
    readonly resource?: { readonly attributes?: readonly OtlpAttribute[] };
    readonly scopeSpans?: readonly { readonly spans?: readonly OtlpSpan[] }[];
  }[];
}

const OTLP_KINDS: readonly SpanKindName[] = ['INTERNAL', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

const valueOf = (value: OtlpValue): unknown => {
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf);
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.doubleValue ?? value.boolValue;
};

const attributesOf = (attributes: readonly OtlpAttribute[] = []): Record<string, unknown> =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, valueOf(value)]));

const fromOtlpSpan = (span: OtlpSpan, service: string): RecordedSpan => ({
  traceId: span.traceId,
  spanId: span.spanId,
  ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
  name: span.name,
  kind: OTLP_KINDS[span.kind] ?? 'INTERNAL',
  service,
  attributes: attributesOf(span.attributes),
  failed: span.status?.code === 2,
});

export const fromOtlpJson = (body: OtlpTraces): RecordedSpan[] =>
  (body.resourceSpans ?? []).flatMap(({ resource, scopeSpans }) => {
    const service = String(attributesOf(resource?.attributes)['service.name']);
    return (scopeSpans ?? []).flatMap(({ spans }) => (spans ?? []).map((span) => fromOtlpSpan(span, service)));
  });
