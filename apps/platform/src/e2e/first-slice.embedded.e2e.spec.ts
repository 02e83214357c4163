import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createServiceApp, loadPlatformConfig } from '@collab/service-kit';
import { PLATFORM_MODULES } from '../platform.modules';
import { aComplaint, contactIsRoutedAndReadable, tokenFor } from './first-slice.scenario';

const jwtSecret = 'embedded-e2e-secret-0123456789';

describe('the first slice, embedded (all five services in one process on PGlite)', () => {
  let dataDir: string;
  let app: INestApplication;
  let baseUrl: string;

  const start = async () => {
    const config = loadPlatformConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: jwtSecret, LOG_LEVEL: 'silent', GRPC_PORT: '0' });
    app = await createServiceApp(config, PLATFORM_MODULES);
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collab-embedded-'));
    await start();
  });

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('routes a submitted contact and shows the case assigned to its queue', async () => {
    await contactIsRoutedAndReadable({ intake: baseUrl, workflow: baseUrl, jwtSecret });
  });

  it('keeps cases across a restart on the same data folder', async () => {
    const first = await contactIsRoutedAndReadable({ intake: baseUrl, workflow: baseUrl, jwtSecret });
    await app.close();
    await start();
    const agent = await tokenFor(jwtSecret, 'agent-1', 'INTERNAL', ['agent']);
    const response = await fetch(`${baseUrl}/api/v1/cases/${String(first['id'])}`, { headers: { authorization: `Bearer ${agent}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: first['id'], queue: 'complaints', subject: aComplaint.subject });
  });

  it('refuses a contact without a token, with problem details', async () => {
    const response = await fetch(`${baseUrl}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(aComplaint),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, title: 'Authentication required' });
  });
});
