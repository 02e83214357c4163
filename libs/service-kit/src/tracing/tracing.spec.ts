import { trace } from '@opentelemetry/api';
import { pino } from 'pino';
import { InvalidConfiguration, loadPlatformConfig } from '../config/platform.config';
import { otlpTracesUrl, startTracing } from './tracing';

const problemsOf = (env: NodeJS.ProcessEnv): readonly string[] => {
  try {
    loadPlatformConfig(env);
    return [];
  } catch (error) {
    return (error as InvalidConfiguration).problems;
  }
};

describe('OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('is off when unset or empty, and then no SDK is started: spans are the API\'s no-ops', () => {
    for (const env of [{}, { OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }]) {
      const config = loadPlatformConfig(env);
      expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
      expect(startTracing(config, pino({ level: 'silent' }))).toBeUndefined();
    }
    expect(trace.getTracer('collab').startSpan('append intake').isRecording()).toBe(false);
  });

  it.each(['http://127.0.0.1:4318', 'https://collector.example:4318/', 'http://otel-collector.observability:4318/otlp'])('accepts the base URL %s', (endpoint) => {
    expect(loadPlatformConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe(endpoint);
  });

  it.each(['127.0.0.1:4318', 'grpc://127.0.0.1:4317', 'http://', 'http://collector:4318?x=1'])('refuses %s with one line naming it', (endpoint) => {
    expect(problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toEqual([
      `config: OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// base URL such as http://127.0.0.1:4318 (got "${endpoint}")`,
    ]);
  });

  it('when set, starts the SDK: spans record until the shutdown', async () => {
    const tracing = startTracing(loadPlatformConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' }), pino({ level: 'silent' }));
    try {
      expect(tracing).toBeDefined();
      const span = trace.getTracer('collab').startSpan('append intake');
      expect(span.isRecording()).toBe(true);
      span.end();
    } finally {
      await tracing?.shutdown();
      trace.disable();
    }
  });

  it('exports to /v1/traces under the base, as the OpenTelemetry specification says', () => {
    expect(otlpTracesUrl('http://127.0.0.1:4318')).toBe('http://127.0.0.1:4318/v1/traces');
    expect(otlpTracesUrl('http://collector:4318/otlp/')).toBe('http://collector:4318/otlp/v1/traces');
  });
});
