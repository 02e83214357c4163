import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Writable } from 'node:stream';
import { createRootLogger, loggingModule } from './logging';

@Controller()
class Handlers {
  @Get('api/v1/knowledge/search')
  search() {
    return { data: [] };
  }

  @Get('health')
  health() {
    return { status: 'ok' };
  }
}

const logged: Record<string, unknown>[] = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  },
});
const config = { SERVICE: 'knowledge', LOG_LEVEL: 'info' } as const;

@Module({ imports: [loggingModule(config, createRootLogger(config, destination))], controllers: [Handlers] })
class AccessLogTestModule {}

describe("a service's access log", () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(AccessLogTestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app.close());
  beforeEach(() => logged.splice(0));

  const requestLines = () => logged.filter((line) => line['req'] !== undefined);

  it('given a search with personal data in its query and headers, then the line names the method, path, parameter names, status and correlation id only', async () => {
    await fetch(`${base}/api/v1/knowledge/search?q=${encodeURIComponent('王小明 13800138000')}&limit=5&q=again`, {
      headers: { authorization: 'Bearer secret-token', 'user-agent': 'Matti Meikalainen phone', 'x-correlation-id': 'c0ffee-1' },
    }).then((answer) => answer.arrayBuffer());

    expect(requestLines()).toEqual([
      expect.objectContaining({
        service: 'knowledge',
        level: 30,
        req: { id: expect.anything(), method: 'GET', path: '/api/v1/knowledge/search', parameters: ['q', 'limit'], correlationId: 'c0ffee-1' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
    const line = JSON.stringify(logged);
    for (const personal of ['王小明', '13800138000', 'Meikalainen', 'secret-token', '127.0.0.1']) expect(line).not.toContain(personal);
  });

  it('given a correlation id the platform refuses, then it is not copied into the line', async () => {
    await fetch(`${base}/api/v1/knowledge/search`, { headers: { 'x-correlation-id': 'x'.repeat(500) } }).then((answer) => answer.arrayBuffer());

    expect(requestLines()).toEqual([expect.objectContaining({ req: { id: expect.anything(), method: 'GET', path: '/api/v1/knowledge/search' } })]);
  });

  it('given a health probe, then nothing is logged for it', async () => {
    await fetch(`${base}/health`).then((answer) => answer.arrayBuffer());

    expect(requestLines()).toEqual([]);
  });
});
