import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { JwtAuthenticator } from './jwt-authenticator';
import { Unauthenticated } from './principal';

/** An identity provider's JWKS endpoint on 127.0.0.1; `failing` makes it answer 500. */
const startJwksServer = async (keys: JWK[]) => {
  const state = { failing: false };
  const server: Server = createServer((_request, response) => {
    if (state.failing) return void response.writeHead(500).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    state,
    close: () => new Promise((r) => server.close(r)),
  };
};

type Alg = 'RS256' | 'ES256';
const signWith = (key: CryptoKey, alg: Alg, kid: string, claims: Record<string, unknown> = {}) =>
  new SignJWT({ roles: ['partner-agent'], audience: 'PARTNER', partner: 'p1', ...claims })
    .setProtectedHeader({ alg, kid })
    .setSubject('p-agent-1')
    .setExpirationTime('5m')
    .sign(key);

describe('JwtAuthenticator against a JWKS endpoint (RS256, ES256)', () => {
  const keys: Record<string, { privateKey: CryptoKey; publicKey: CryptoKey }> = {};
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let authenticator: JwtAuthenticator;

  beforeAll(async () => {
    keys['rsa'] = await generateKeyPair('RS256');
    keys['ec'] = await generateKeyPair('ES256');
    keys['stranger'] = await generateKeyPair('RS256');
    const published = [
      { ...(await exportJWK(keys['rsa'].publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(keys['ec'].publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ];
    jwks = await startJwksServer(published);
    authenticator = new JwtAuthenticator({ jwksUrl: jwks.url });
  });
  afterAll(() => jwks.close());
  afterEach(() => {
    jwks.state.failing = false;
  });

  it.each<[string, string, Alg, string]>([
    ['an RSA key', 'rsa', 'RS256', 'rsa-1'],
    ['an EC key', 'ec', 'ES256', 'ec-1'],
  ])('accepts a token signed with %s it publishes', async (_case, key, alg, kid) => {
    const token = await signWith(keys[key]!.privateKey, alg, kid);
    await expect(authenticator.authenticate(`Bearer ${token}`)).resolves.toEqual({
      subject: 'p-agent-1',
      roles: ['partner-agent'],
      audience: 'PARTNER',
      partner: 'p1',
    });
  });

  it.each<[string, () => Promise<string>, string]>([
    [
      'a key it does not publish',
      () => signWith(keys['stranger']!.privateKey, 'RS256', 'rsa-9'),
      'no key in the JWKS matches',
    ],
    [
      'a forged signature under a known kid',
      () => signWith(keys['stranger']!.privateKey, 'RS256', 'rsa-1'),
      'bad token signature',
    ],
    [
      'a shared-secret token',
      () =>
        new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setExpirationTime('5m')
          .sign(new Uint8Array(32)),
      'algorithm that is not accepted',
    ],
    [
      'a token without roles',
      () => signWith(keys['ec']!.privateKey, 'ES256', 'ec-1', { roles: undefined }),
      'missing claim roles',
    ],
  ])('rejects %s', async (_case, token, message) => {
    const result = authenticator.authenticate(`Bearer ${await token()}`);
    await expect(result).rejects.toBeInstanceOf(Unauthenticated);
    await expect(result).rejects.toThrow(message);
  });

  it('says so when the JWKS endpoint fails', async () => {
    jwks.state.failing = true;
    const fresh = new JwtAuthenticator({ jwksUrl: jwks.url });
    const token = await signWith(keys['rsa']!.privateKey, 'RS256', 'rsa-1');
    await expect(fresh.authenticate(`Bearer ${token}`)).rejects.toThrow('cannot verify the token');
  });

  it('says so when the JWKS endpoint is unreachable', async () => {
    const nowhere = new JwtAuthenticator({ jwksUrl: 'http://127.0.0.1:9/jwks.json' });
    const token = await signWith(keys['rsa']!.privateKey, 'RS256', 'rsa-1');
    await expect(nowhere.authenticate(`Bearer ${token}`)).rejects.toThrow(/cannot verify the token/);
  });
});
