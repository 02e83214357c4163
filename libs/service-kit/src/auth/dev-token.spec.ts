import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { DEV_JWT_SECRET_FILE, ensureDevSecret, readDevSecret } from './dev-secret';
import { issueDevToken } from './dev-token';
import { JwtAuthenticator } from './jwt-authenticator';

const SECRET = 'dev-secret-dev-secret-dev-secret';

describe('issueDevToken', () => {
  it('issues a token JwtAuthenticator accepts', async () => {
    const token = await issueDevToken(SECRET, {
      sub: 'p-agent',
      roles: ['partner-agent'],
      audience: 'PARTNER',
      partner: 'p1',
    });
    await expect(new JwtAuthenticator({ secret: SECRET }).authenticate(`Bearer ${token}`)).resolves.toEqual({
      subject: 'p-agent',
      roles: ['partner-agent'],
      audience: 'PARTNER',
      partner: 'p1',
    });
  });

  it.each<[string | number, number]>([
    ['8h', 8 * 3600],
    [90, 90],
  ])('expires after %s', async (ttl, seconds) => {
    const claims = decodeJwt(await issueDevToken(SECRET, { sub: 'a', roles: [], audience: 'INTERNAL' }, ttl));
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(seconds);
  });

  it('sets issuer and token audience when asked', async () => {
    const token = await issueDevToken(SECRET, { sub: 'a', roles: [], audience: 'EXTERNAL' }, '1h', {
      issuer: 'collab-dev',
      tokenAudience: 'collab',
    });
    await expect(
      new JwtAuthenticator({ secret: SECRET, issuer: 'collab-dev', audience: 'collab' }).authenticate(
        `Bearer ${token}`,
      ),
    ).resolves.toMatchObject({ subject: 'a', audience: 'EXTERNAL' });
  });
});

describe('the embedded dev secret', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'collab-auth-')), 'data');
  });
  afterEach(() => rm(join(dataDir, '..'), { recursive: true, force: true }));

  it('is created once, readable by the owner only, and then reused', async () => {
    await expect(readDevSecret(dataDir)).resolves.toBeUndefined();
    const first = await ensureDevSecret(dataDir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    await expect(ensureDevSecret(dataDir)).resolves.toBe(first);
    await expect(readDevSecret(dataDir)).resolves.toBe(first);
    expect((await stat(join(dataDir, DEV_JWT_SECRET_FILE))).mode & 0o777).toBe(0o600);
    expect((await readFile(join(dataDir, DEV_JWT_SECRET_FILE), 'utf8')).trim()).toBe(first);
  });

  it('is the same for processes that create it at the same time', async () => {
    const secrets = await Promise.all([
      ensureDevSecret(dataDir),
      ensureDevSecret(dataDir),
      ensureDevSecret(dataDir),
    ]);
    expect(new Set(secrets).size).toBe(1);
  });
});
