import { EmbeddedPlatform, type Caller } from '../embedded-platform';

const agent: Caller = { sub: 'agent-ops', audience: 'INTERNAL', roles: ['agent'] };
const customer: Caller = { sub: 'cust-ops', audience: 'EXTERNAL' };

/** /metrics and the API docs are open only where configured (issue 13: closed by default when distributed). */
describe('metrics and API docs access, embedded platform', () => {
  const get = async (platform: EmbeddedPlatform, path: string, caller?: Caller) => {
    const answer = await fetch(`${platform.baseUrl}${path}`, { headers: caller ? { authorization: `Bearer ${await platform.token(caller)}` } : {} });
    await answer.arrayBuffer();
    return answer.status;
  };

  describe('METRICS_ACCESS=staff, API_DOCS_ACCESS=off', () => {
    let platform: EmbeddedPlatform;
    beforeAll(async () => {
      platform = await EmbeddedPlatform.start({ METRICS_ACCESS: 'staff', API_DOCS_ACCESS: 'off' });
    });
    afterAll(() => platform?.stop());

    it('answers /metrics to staff only: 401 without a token, 403 to a customer', async () => {
      expect(await get(platform, '/metrics')).toBe(401);
      expect(await get(platform, '/metrics', customer)).toBe(403);
      expect(await get(platform, '/metrics', agent)).toBe(200);
    });

    it('does not serve the API docs at all', async () => {
      expect(await get(platform, '/api/docs')).toBe(404);
      expect(await get(platform, '/api/docs/openapi.json', agent)).toBe(404);
    });
  });

  describe('METRICS_ACCESS=off, API_DOCS_ACCESS=staff', () => {
    let platform: EmbeddedPlatform;
    beforeAll(async () => {
      platform = await EmbeddedPlatform.start({ METRICS_ACCESS: 'off', API_DOCS_ACCESS: 'staff' });
    });
    afterAll(() => platform?.stop());

    it('answers /metrics to nobody, and the docs to staff only', async () => {
      expect(await get(platform, '/metrics', agent)).toBe(404);
      expect(await get(platform, '/api/docs/openapi.json')).toBe(401);
      expect(await get(platform, '/api/docs/openapi.json', customer)).toBe(403);
      expect(await get(platform, '/api/docs/openapi.json', agent)).toBe(200);
    });
  });

  describe('defaults of the embedded mode', () => {
    let platform: EmbeddedPlatform;
    beforeAll(async () => {
      platform = await EmbeddedPlatform.start();
    });
    afterAll(() => platform?.stop());

    it('keeps both open', async () => {
      expect(await get(platform, '/metrics')).toBe(200);
      expect(await get(platform, '/api/docs/openapi.json')).toBe(200);
    });
  });
});
