import { createRequire } from 'node:module';
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
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
 * With OTEL_EXPORTER_OTLP_ENDPOINT set, starts OpenTelemetry for this process: spans exported in
 * batches over OTLP/HTTP, service name `collab-<SERVICE>`, W3C trace context, and the gRPC
 * instrumentation (server and client spans, `traceparent` in call metadata). Without it nothing is
 * started: every span the platform makes is then a no-op call of the API.
 * REST, the event log and Kafka have spans of their own (tracing/http-tracing, TracedEventStore,
 * the relay, consumers and reactors).
 */
export const startTracing = (config: TracingConfig, logger: Logger): Tracing | undefined => {
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
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
