import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Header, Module, Sse, type INestApplication, type MessageEvent } from '@nestjs/common';
import { of, type Observable } from 'rxjs';
import { z } from 'zod';
import { Public } from '../../auth/auth.guard';
import { loadPlatformConfig } from '../../config/platform.config';
import { createServiceApp } from '../../runtime/run-service';
import { answerSchema } from './answer-schemas';
import { Answers } from './answers.decorator';

const promised = answerSchema('SpecPromise', z.object({ caseNumber: z.string(), expectedAt: z.string() }));
const promisedCsv = answerSchema('SpecPromiseCsv', z.string());
const promiseStream = answerSchema('SpecPromiseStream', z.string());

@Controller('spec')
class DriftingHttp {
  @Answers(promised, { public: true })
  @Public()
  @Get('kept')
  kept() {
    return { caseNumber: 'C-1', expectedAt: '2026-11-23T02:00:00.000Z' };
  }

  /** What a refactoring might do: rename a field the document promises. */
  @Answers(promised, { public: true })
  @Public()
  @Get('drifted')
  drifted() {
    return { caseNo: 'C-1', expectedAt: '2026-11-23T02:00:00.000Z' };
  }

  /** Content negotiation: sent as text/csv, the answer is checked against the CSV schema. */
  @Answers(promised, { public: true, alternatives: { 'text/csv': promisedCsv } })
  @Public()
  @Get('csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  csv() {
    return 'caseNumber,expectedAt\r\nC-1,2026-11-23T02:00:00.000Z\r\n';
  }

  /** Server-sent events are a stream, not one body: not checked. */
  @Answers(promiseStream, { public: true, mediaType: 'text/event-stream' })
  @Public()
  @Sse('stream')
  stream(): Observable<MessageEvent> {
    return of({ type: 'promise', data: { caseNumber: 'C-1', expectedAt: '2026-11-23T02:00:00.000Z' } });
  }
}

@Module({ controllers: [DriftingHttp] })
class DriftingModule {}

describe('under NODE_ENV=test, an answer is checked against the schema its operation declares', () => {
  let app: INestApplication;
  let dataDir: string;

  beforeAll(async () => {
    expect(process.env['NODE_ENV']).toBe('test');
    dataDir = await mkdtemp(join(tmpdir(), 'collab-answers-'));
    const config = loadPlatformConfig({ SERVICE: 'platform', DATA_DIR: dataDir, LOG_LEVEL: 'silent', HTTP_PORT: '0', GRPC_PORT: '0' });
    app = await createServiceApp(config, [DriftingModule]);
    await app.listen(0, '127.0.0.1');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('passes an answer that is what the document says', async () => {
    const response = await fetch(`${await app.getUrl()}/spec/kept`);
    expect(response.status).toBe(200);
  });

  it('checks an answer sent as an alternative media type against that media type\'s schema', async () => {
    const response = await fetch(`${await app.getUrl()}/spec/csv`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('C-1');
  });

  it('leaves a server-sent event stream unchecked', async () => {
    const response = await fetch(`${await app.getUrl()}/spec/stream`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(await response.text()).toContain('event: promise');
  });

  it('turns an answer that drifted from the document into a 500, so the test that got it fails', async () => {
    const response = await fetch(`${await app.getUrl()}/spec/drifted`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
