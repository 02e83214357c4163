import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fromOtlpJson, type OtlpTraces, type RecordedSpan } from './recorded-span';

const bodyOf = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * A minimal OTLP/HTTP trace receiver on 127.0.0.1 for processes a test starts: it takes the JSON
 * encoding (what @opentelemetry/exporter-trace-otlp-http sends) at POST /v1/traces and keeps the
 * spans. Set a child's OTEL_EXPORTER_OTLP_ENDPOINT to `endpoint`.
 */
export class OtlpReceiver {
  private readonly received: RecordedSpan[] = [];
  private readonly failures: string[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    const receiver: OtlpReceiver = new OtlpReceiver(createServer((request, response) => void receiver.take(request, response)));
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  spans(): RecordedSpan[] {
    if (this.failures.length > 0) throw new Error(`the receiver could not read: ${this.failures.join('; ')}`);
    return [...this.received];
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async take(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await bodyOf(request);
    if (request.method !== 'POST' || request.url !== '/v1/traces' || !String(request.headers['content-type']).startsWith('application/json')) {
      this.failures.push(`${request.method} ${request.url} (${request.headers['content-type']})`);
      response.writeHead(415).end();
      return;
    }
    this.received.push(...fromOtlpJson(JSON.parse(body) as OtlpTraces));
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  }
}
