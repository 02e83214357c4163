import { TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock, type Caller } from '../embedded-platform';

const agent: Caller = { sub: 'agent-headers', audience: 'INTERNAL', roles: ['agent'] };

/** Security headers on every answer (issue 13). */
describe('security headers, embedded platform', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, new MovableClock(TEST_MONDAY_MORNING));
  });
  afterAll(() => platform?.stop());

  const get = async (path: string, authorization?: string) => {
    const answer = await fetch(`${platform.baseUrl}${path}`, { headers: authorization ? { authorization } : {} });
    await answer.arrayBuffer();
    return answer;
  };

  it('marks API answers nosniff and no-store, and does not say what serves them', async () => {
    const answer = await get('/api/v1/channels', `Bearer ${await platform.token(agent)}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });

  it('marks problems the same way', async () => {
    const answer = await get('/api/v1/channels/no-such-channel', `Bearer ${await platform.token(agent)}`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });

  it('answers 401 with WWW-Authenticate: Bearer, naming an invalid token when one was sent', async () => {
    const none = await get('/api/v1/channels');
    const bad = await get('/api/v1/channels', 'Bearer a.b.c');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('marks health, reachable without a token, nosniff too', async () => {
    const health = await get('/health');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps an idle connection open longer than a proxy in front would (65 s, said in Keep-Alive)', async () => {
    const health = await get('/health');
    expect(health.headers.get('keep-alive')).toBe('timeout=65');
  });
});
