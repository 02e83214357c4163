import { status } from '@grpc/grpc-js';
import { EmbeddedPlatform, type Caller } from '../embedded-platform';

const customer = (sub: string): Caller => ({ sub, audience: 'EXTERNAL' });
const appChannel: Caller = { sub: 'channel-app', audience: 'EXTERNAL', roles: ['channel'] };

const LIMITS = { RATE_LIMIT_WINDOW_SECONDS: '60', RATE_LIMIT_PER_CLIENT: '20', RATE_LIMIT_PER_CHANNEL: '60', RATE_LIMIT_PER_ADDRESS: '10' };

/** Per-client rate limits (issue 13): a burst is refused with 429 + Retry-After; nobody else notices. */
describe('rate limits, embedded platform', () => {
  let platform: EmbeddedPlatform;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start(LIMITS);
  });
  afterAll(() => platform?.stop());

  const burst = async (count: number, path: string, authorization?: string) => {
    const answers: Response[] = [];
    // Sequential: the count, not the scheduling, decides which calls pass.
    for (let i = 0; i < count; i += 1) {
      const answer = await fetch(`${platform.baseUrl}${path}`, { headers: authorization ? { authorization } : {} });
      await answer.arrayBuffer();
      answers.push(answer);
    }
    return answers;
  };
  const bearer = async (caller: Caller) => `Bearer ${await platform.token(caller)}`;
  const statuses = (answers: readonly Response[]) => answers.map((answer) => answer.status);

  it('refuses a burst past the client allowance with 429, Retry-After and problem details', async () => {
    const answers = await burst(25, '/api/v1/channels', await bearer(customer('cust-burst')));
    expect(statuses(answers)).toEqual([...Array<number>(20).fill(200), ...Array<number>(5).fill(429)]);
    const refused = await fetch(`${platform.baseUrl}/api/v1/channels`, { headers: { authorization: await bearer(customer('cust-burst')) } });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(refused.status).toBe(429);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 429, type: 'https://collab.dev/problems/rate-limited', retryAfterSeconds: retryAfter });
  });

  it('leaves other clients alone, and gives a channel its larger allowance', async () => {
    expect(statuses(await burst(5, '/api/v1/channels', await bearer(customer('cust-quiet'))))).toEqual([200, 200, 200, 200, 200]);
    const channel = statuses(await burst(30, '/api/v1/channels', await bearer(appChannel)));
    expect(channel.every((code) => code === 200)).toBe(true);
  });

  it('counts the calls of one subject over gRPC too (RESOURCE_EXHAUSTED), sharing its REST allowance', async () => {
    const grpcCaller = customer('cust-grpc');
    await burst(20, '/api/v1/channels', await bearer(grpcCaller));
    const answer = await platform.intakeGrpc('GetCase', { caseId: '00000000-0000-4000-8000-000000000000' }, grpcCaller);
    expect(answer.error?.code).toBe(status.RESOURCE_EXHAUSTED);
    expect(answer.error?.details).toMatch(/retry after \d+ s/);
  });

  it('never limits health, readiness or metrics', async () => {
    for (const path of ['/health', '/ready', '/metrics'])
      expect(statuses(await burst(30, path)).every((code) => code !== 429)).toBe(true);
  });

  // Last: it spends the allowance of this machine's address.
  it('counts bad signatures and missing tokens against the address, not against valid clients', async () => {
    const bad = statuses(await burst(12, '/api/v1/channels', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad-signature'));
    expect(bad).toEqual([...Array<number>(10).fill(401), 429, 429]);
    expect(statuses(await burst(1, '/api/v1/channels'))).toEqual([429]);
    expect(statuses(await burst(1, '/api/v1/channels', await bearer(customer('cust-after-flood'))))).toEqual([200]);
  });
});
