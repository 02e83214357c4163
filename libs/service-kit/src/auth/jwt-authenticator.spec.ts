import { SignJWT, type JWTPayload } from 'jose';
import { JwtAuthenticator, type JwtAuthenticatorConfig } from './jwt-authenticator';
import { Unauthenticated, type Principal } from './principal';

const SECRET = 'test-secret-with-enough-entropy-0123456789';
const now = () => Math.floor(Date.now() / 1000);

interface TokenSpec {
  readonly claims?: JWTPayload;
  readonly omit?: readonly string[];
  readonly secret?: string;
  readonly alg?: 'HS256' | 'HS512';
}

const agentClaims: JWTPayload = {
  sub: 'agent-1',
  roles: ['agent', 'supervisor'],
  audience: 'INTERNAL',
  unit: 'billing',
  exp: now() + 600,
};

const token = async ({
  claims = {},
  omit = [],
  secret = SECRET,
  alg = 'HS256',
}: TokenSpec = {}): Promise<string> => {
  const payload: Record<string, unknown> = { ...agentClaims, ...claims };
  for (const claim of omit) delete payload[claim];
  return new SignJWT(payload).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
};

const bearer = async (spec?: TokenSpec) => `Bearer ${await token(spec)}`;

const authenticate = (header: string | undefined, config: JwtAuthenticatorConfig = { secret: SECRET }) =>
  new JwtAuthenticator(config).authenticate(header);

describe('JwtAuthenticator with a shared secret (HS256)', () => {
  it.each<[string, () => Promise<string>, Principal]>([
    [
      'an agent of a unit',
      () => bearer(),
      { subject: 'agent-1', roles: ['agent', 'supervisor'], audience: 'INTERNAL', unit: 'billing' },
    ],
    [
      'a partner with no roles',
      () => bearer({ claims: { roles: [], audience: 'PARTNER', partner: 'p1' }, omit: ['unit'] }),
      { subject: 'agent-1', roles: [], audience: 'PARTNER', partner: 'p1' },
    ],
    [
      'a lower-case scheme',
      async () => `bearer ${await token({ omit: ['unit'] })}`,
      { subject: 'agent-1', roles: ['agent', 'supervisor'], audience: 'INTERNAL' },
    ],
  ])('accepts %s', async (_case, header, principal) => {
    await expect(authenticate(await header())).resolves.toEqual(principal);
  });

  it.each<[string, () => Promise<string | undefined>, string]>([
    ['no header', () => Promise.resolve(undefined), 'missing authorization header'],
    ['an empty header', () => Promise.resolve('  '), 'missing authorization header'],
    [
      'another scheme',
      () => Promise.resolve('Basic YWdlbnQ6cHc='),
      'authorization header is not a Bearer token',
    ],
    ['a bearer that is no JWT', () => Promise.resolve('Bearer abc'), 'malformed token'],
    ['a garbled JWT', () => Promise.resolve('Bearer a.b.c'), 'malformed token'],
    ['another secret', () => bearer({ secret: 'some-other-secret-0123456789abcdef' }), 'bad token signature'],
    ['another algorithm', () => bearer({ alg: 'HS512' }), 'algorithm that is not accepted'],
    ['an expired token', () => bearer({ claims: { exp: now() - 120 } }), 'token expired'],
    ['a token issued ten years ahead', () => bearer({ claims: { iat: now() + 10 * 365 * 86_400, exp: now() + 20 * 365 * 86_400 } }), 'issued in the future'],
    ['a token issued a minute ahead (beyond 30 s of skew)', () => bearer({ claims: { iat: now() + 60 } }), 'issued in the future'],
    ['a token that lives twenty years', () => bearer({ claims: { iat: now(), exp: now() + 20 * 365 * 86_400 } }), 'may live at most 86400 seconds'],
    ['a token without iat that lives two days', () => bearer({ claims: { exp: now() + 2 * 86_400 } }), 'may live at most'],
    ['a non-numeric iat', () => bearer({ claims: { iat: 'yesterday' as unknown as number } }), 'iat'],
    ['no exp', () => bearer({ omit: ['exp'] }), 'missing claim exp'],
    ['no sub', () => bearer({ omit: ['sub'] }), 'missing claim sub'],
    ['an empty sub', () => bearer({ claims: { sub: '' } }), 'invalid claim sub'],
    ['no roles', () => bearer({ omit: ['roles'] }), 'missing claim roles'],
    [
      'roles as a string',
      () => bearer({ claims: { roles: 'agent' } }),
      'invalid claim roles: must be an array of strings',
    ],
    ['roles with a number', () => bearer({ claims: { roles: ['agent', 7] } }), 'invalid claim roles'],
    ['no audience', () => bearer({ omit: ['audience'] }), 'missing claim audience'],
    [
      'an unknown audience',
      () => bearer({ claims: { audience: 'PUBLIC' } }),
      'invalid claim audience: must be one of EXTERNAL, INTERNAL, PARTNER (got "PUBLIC")',
    ],
    ['a numeric unit', () => bearer({ claims: { unit: 42 } }), 'invalid claim unit'],
    [
      'a partner audience without partner',
      () => bearer({ claims: { audience: 'PARTNER' } }),
      'missing claim partner',
    ],
  ])('rejects %s', async (_case, header, message) => {
    const result = authenticate(await header());
    await expect(result).rejects.toBeInstanceOf(Unauthenticated);
    await expect(result).rejects.toThrow(message);
  });

  it.each<[string, JwtAuthenticatorConfig, TokenSpec, string]>([
    [
      'a foreign issuer',
      { secret: SECRET, issuer: 'https://idp.example' },
      { claims: { iss: 'https://evil.example' } },
      'invalid claim iss',
    ],
    ['a missing issuer', { secret: SECRET, issuer: 'https://idp.example' }, {}, 'missing claim iss'],
    [
      'a token for another service',
      { secret: SECRET, audience: 'collab' },
      { claims: { aud: 'billing-app' } },
      'invalid claim aud',
    ],
  ])('with issuer/audience configured, rejects %s', async (_case, config, spec, message) => {
    await expect(authenticate(await bearer(spec), config)).rejects.toThrow(message);
  });

  it('accepts the configured issuer and token audience', async () => {
    const config = { secret: SECRET, issuer: 'https://idp.example', audience: 'collab' };
    const header = await bearer({ claims: { iss: 'https://idp.example', aud: ['collab', 'other'] } });
    await expect(authenticate(header, config)).resolves.toMatchObject({ subject: 'agent-1' });
  });

  it.each<[string, JwtAuthenticatorConfig]>([
    ['neither secret nor JWKS', {}],
    ['both secret and JWKS', { secret: SECRET, jwksUrl: 'http://127.0.0.1:1/jwks.json' }],
  ])('refuses to start with %s', (_case, config) => {
    expect(() => new JwtAuthenticator(config)).toThrow('JwtAuthenticator: configure');
  });

  describe('a token used again (remembered as verified)', () => {
    const issuedAt = Date.parse('2026-11-30T05:30:00Z') / 1000;
    const onClock = () => {
      let at = new Date(issuedAt * 1000);
      const authenticator = new JwtAuthenticator({ secret: SECRET, now: () => at });
      return { authenticator, moveTo: (seconds: number) => void (at = new Date(seconds * 1000)) };
    };

    it('is refused once it has expired, though it was accepted before', async () => {
      const { authenticator, moveTo } = onClock();
      const header = await bearer({ claims: { iat: issuedAt, exp: issuedAt + 600 } });
      await expect(authenticator.authenticate(header)).resolves.toMatchObject({ subject: 'agent-1' });
      moveTo(issuedAt + 590);
      await expect(authenticator.authenticate(header)).resolves.toMatchObject({ subject: 'agent-1' });
      // Past exp and the 30 s of skew:
      moveTo(issuedAt + 631);
      await expect(authenticator.authenticate(header)).rejects.toThrow('token expired');
    });

    it('is refused before its nbf when the clock is set back, though it was accepted before', async () => {
      const { authenticator, moveTo } = onClock();
      const header = await bearer({ claims: { iat: issuedAt, nbf: issuedAt + 100, exp: issuedAt + 600 } });
      moveTo(issuedAt + 200);
      await expect(authenticator.authenticate(header)).resolves.toMatchObject({ subject: 'agent-1' });
      moveTo(issuedAt);
      await expect(authenticator.authenticate(header)).rejects.toBeInstanceOf(Unauthenticated);
    });

    it('is verified on its own: another token with the same claims but a foreign signature is refused', async () => {
      const { authenticator } = onClock();
      const claims = { iat: issuedAt, exp: issuedAt + 600 };
      await expect(authenticator.authenticate(await bearer({ claims }))).resolves.toMatchObject({ subject: 'agent-1' });
      await expect(authenticator.authenticate(await bearer({ claims, secret: 'some-other-secret-0123456789abcdef' }))).rejects.toThrow('bad token signature');
    });
  });
});
