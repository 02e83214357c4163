import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module, Res, type INestApplication } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { Public } from '../../auth/auth.guard';
import { loadPlatformConfig } from '../../config/platform.config';
import { createServiceApp } from '../../runtime/run-service';
import { answerSchema } from './answer-schemas';
import { Answers } from './answers.decorator';

const promised = answerSchema('SpecPromise', z.object({ caseNumber: z.string(), expectedAt: z.string() }));
const promisedCsv = answerSchema('SpecPromiseCsv', z.string());

@Controller('spec')
class DriftingHttp {
  @Answers(promised, { public: true })
  @Public()
  @Get('kept')
  kept() {
    return { caseNumber: 'C-1', expectedAt: '2026-11-23T02:00:00.000Z' };
  }

  /** The same answer in another media type it declares (content negotiation). */
  @Answers(promised, { public: true, alternatives: { 'text/csv': promisedCsv } })
  @Public()
  @Get('sheet')
  sheet(@Res({ passthrough: true }) response: Response) {
    response.type('text/csv; charset=utf-8');
    return 'case_number,expected_at\r\nC-1,2026-11-23T02:00:00.000Z\r\n';
  }

  /** What a refactoring might do: rename a field the document promises. */
  @Answers(promised, { public: true })
  @Public()
  @Get('drifted')
  drifted() {
    return { caseNo: 'C-1', expectedAt: '2026-11-23T02:00:00.000Z' };
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

  it('checks an answer sent in another declared media type against that media type\'s schema', async () => {
    const response = await fetch(`${await app.getUrl()}/spec/sheet`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
  });

  it('turns an answer that drifted from the document into a 500, so the test that got it fails', async () => {
    const response = await fetch(`${await app.getUrl()}/spec/drifted`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
