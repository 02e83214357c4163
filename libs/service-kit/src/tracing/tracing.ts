import { createRequire } from 'node:module';
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as Instrumentation from '@opentelemetry/instrumentation';
import type * as GrpcInstrumentations from '@opentelemetry/instrumentation-grpc';
import type * as Resources from '@opentelemetry/resources';
import type * as TraceSdk from '@opentelemetry/sdk-trace-node';
import type * as SemanticConventions from '@opentelemetry/semantic-conventions';
import type { Logger } from 'pino';
import type { PlatformConfig } from '../config/platform.config';
import { redactUrl } from '../logging/redact';

/** A started tracing SDK: flushed and stopped with the process. */
export interface Tracing {
  shutdown(): Promise<void>;
}

type TracingConfig = Pick<PlatformConfig, 'SERVICE' | 'OTEL_EXPORTER_OTLP_ENDPOINT'>;

/** The OTLP/HTTP path for traces under the configured base, as the OpenTelemetry specification appends it. */
export const otlpTracesUrl = (endpoint: string): string => `${endpoint.replace(/\/+$/, '')}/v1/traces`;

/** The SDK's own complaints (an exporter that cannot reach its collector) as warnings of the process's log. */
const diagnosticsTo = (logger: Logger): DiagLogger => {
  const log = logger.child({ component: 'tracing' });
  return {
    error: (message, ...args) => log.warn({ args }, message),
    warn: (message, ...args) => log.warn({ args }, message),
    info: (message) => log.debug(message),
    debug: () => undefined,
    verbose: () => undefined,
  };
};

/** The last spans get this long to leave at a stop: a collector that is away must not hold up the exit. */
const FLUSH_AT_STOP_MS = 2_000;

const boundedBy = async (ms: number, work: Promise<void>): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
};

/**
 * The SDK, the OTLP exporter (with the metrics and logs SDKs it brings) and the instrumentations,
 * loaded only when tracing starts: a process that exports no spans would otherwise keep a few MB
 * of modules resident for its whole life. The API (`@opentelemetry/api`) stays a plain import: its
 * calls are no-ops until a provider registers.
 */
const loadSdk = () => {
  const load = createRequire(__filename);
  const { OTLPTraceExporter } = load('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
  const { registerInstrumentations } = load('@opentelemetry/instrumentation') as typeof Instrumentation;
  const { GrpcInstrumentation } = load('@opentelemetry/instrumentation-grpc') as typeof GrpcInstrumentations;
  const { resourceFromAttributes } = load('@opentelemetry/resources') as typeof Resources;
  const { BatchSpanProcessor, NodeTracerProvider } = load('@opentelemetry/sdk-trace-node') as typeof TraceSdk;
  const { ATTR_SERVICE_NAME } = load('@opentelemetry/semantic-conventions') as typeof SemanticConventions;
  return { ATTR_SERVICE_NAME, BatchSpanProcessor, GrpcInstrumentation, NodeTracerProvider, OTLPTraceExporter, registerInstrumentations, resourceFromAttributes };
};

/**
 * With OTEL_EXPORTER_OTLP_ENDPOINT set, starts OpenTelemetry for this process: spans exported in
 * batches over OTLP/HTTP, service name `collab-<SERVICE>`, W3C trace context, and the gRPC
 * instrumentation (server and client spans, `traceparent` in call metadata). Without it nothing is
 * started: every span the platform makes is then a no-op call of the API.
 * REST, the event log and Kafka have spans of their own (tracing/http-tracing, TracedEventStore,
 * the relay, consumers and reactors).
 */
export const startTracing = (config: TracingConfig, logger: Logger): Tracing | undefined => {
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  const { ATTR_SERVICE_NAME, BatchSpanProcessor, GrpcInstrumentation, NodeTracerProvider, OTLPTraceExporter, registerInstrumentations, resourceFromAttributes } = loadSdk();
  diag.setLogger(diagnosticsTo(logger), DiagLogLevel.WARN);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: `collab-${config.SERVICE}` }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl(config.OTEL_EXPORTER_OTLP_ENDPOINT) }))],
  });
  provider.register();
  const disable = registerInstrumentations({ instrumentations: [new GrpcInstrumentation()] });
  // The entry point loaded grpc-js before tracing could start; the instrumentation patches a module
  // when it is required, and patches its prototypes, so requiring it once more patches it for good.
  createRequire(__filename)('@grpc/grpc-js');
  logger.info({ endpoint: redactUrl(otlpTracesUrl(config.OTEL_EXPORTER_OTLP_ENDPOINT)), service: `collab-${config.SERVICE}` }, 'tracing: spans exported over OTLP/HTTP');
  return {
    shutdown: async () => {
      disable();
      await boundedBy(FLUSH_AT_STOP_MS, provider.shutdown());
    },
  };
};
