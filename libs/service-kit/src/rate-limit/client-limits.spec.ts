import { endpointAccessOf, InvalidConfiguration, loadPlatformConfig, rateLimitSettingsOf } from '../config/platform.config';
import { addressOfPeer, bucketOf } from './client-limits';

const settings = { windowMs: 60_000, perClient: 600, perChannel: 30_000, perAddress: 120 };

describe('whom a call is counted against', () => {
  it.each([
    ['a verified customer, by subject', { subject: 'cust-a', roles: [], audience: 'EXTERNAL' as const }, { key: 'subject:cust-a', limit: 600 }],
    ['a channel, with its own allowance', { subject: 'app', roles: ['channel'], audience: 'EXTERNAL' as const }, { key: 'subject:app', limit: 30_000 }],
    ['staff, as any client', { subject: 'agent-1', roles: ['agent'], audience: 'INTERNAL' as const }, { key: 'subject:agent-1', limit: 600 }],
    ['no valid token, by address', undefined, { key: 'address:10.0.0.9', limit: 120 }],
  ])('%s', (_, principal, expected) => expect(bucketOf(settings, principal, '10.0.0.9')).toEqual(expected));

  it.each([
    ['ipv4:127.0.0.1:50123', '127.0.0.1'],
    ['127.0.0.1:50123', '127.0.0.1'],
    ['ipv6:[::1]:50123', '::1'],
    ['[2001:db8::7]:443', '2001:db8::7'],
  ])('reads the address of gRPC peer %s', (peer, address) => expect(addressOfPeer(peer)).toBe(address));
});

describe('rate limit settings', () => {
  it('default to 600 a minute per client, 30,000 per channel, 120 per address', () =>
    expect(rateLimitSettingsOf(loadPlatformConfig({}))).toEqual(settings));

  it('refuse a bad value with one line per setting', () => {
    const attempt = () => loadPlatformConfig({ RATE_LIMIT_PER_CLIENT: 'lots', RATE_LIMIT_WINDOW_SECONDS: '0', RATE_LIMIT_PER_ADDRESS: '900000' });
    expect(attempt).toThrow(InvalidConfiguration);
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidConfiguration).problems).toEqual([
        'config: RATE_LIMIT_WINDOW_SECONDS must be at least 1 second (got "0")',
        'config: RATE_LIMIT_PER_CLIENT must be a number of requests (got "lots")',
        'config: RATE_LIMIT_PER_ADDRESS must be at most 50000 requests per window (got "900000")',
      ]);
    }
  });
});

describe('metrics and API docs access settings', () => {
  it('default to public embedded and staff when distributed', () => {
    const embedded = loadPlatformConfig({});
    const distributed = loadPlatformConfig({ DATABASE_URL: 'postgres://db/x', AUTH_JWT_SECRET: 'a-random-secret-of-enough-letters' });
    expect([endpointAccessOf(embedded, 'METRICS_ACCESS'), endpointAccessOf(embedded, 'API_DOCS_ACCESS')]).toEqual(['public', 'public']);
    expect([endpointAccessOf(distributed, 'METRICS_ACCESS'), endpointAccessOf(distributed, 'API_DOCS_ACCESS')]).toEqual(['staff', 'staff']);
    expect(endpointAccessOf(loadPlatformConfig({ DATABASE_URL: 'postgres://db/x', AUTH_JWT_SECRET: 'a-random-secret-of-enough-letters', METRICS_ACCESS: 'public' }), 'METRICS_ACCESS')).toBe('public');
  });

  it('refuse anything else with one line', () =>
    expect(() => loadPlatformConfig({ METRICS_ACCESS: 'everyone' })).toThrow(new InvalidConfiguration(['config: METRICS_ACCESS must be public, staff or off (got "everyone")'])));
});
