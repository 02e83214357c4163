import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { principalFromClaims } from './jwt-claims';
import { Unauthenticated, type Authenticator, type Principal } from './principal';

export interface JwtAuthenticatorConfig {
  /** Shared secret for HS256 (AUTH_JWT_SECRET). Exactly one of secret and jwksUrl. */
  readonly secret?: string | undefined;
  /** JWKS endpoint of the identity provider for RS256/ES256 (AUTH_JWKS_URL). */
  readonly jwksUrl?: string | undefined;
  /** Required `iss` when set. */
  readonly issuer?: string | undefined;
  /** Required JWT `aud` when set; not the `audience` claim (EXTERNAL, INTERNAL, PARTNER). */
  readonly audience?: string | undefined;
  /** Accepted clock skew on exp/nbf/iat in seconds; default 30. */
  readonly clockToleranceSeconds?: number | undefined;
  /** The longest a token may live (exp after iat, or after now without iat), in seconds; default 24 h. */
  readonly maxTokenLifetimeSeconds?: number | undefined;
  /** The clock tokens are checked against; the system clock unless a test moves its own. */
  readonly now?: (() => Date) | undefined;
}

const DAY_SECONDS = 24 * 60 * 60;

/** Tokens a process remembers as verified (a client sends the same token with every request). */
const REMEMBERED_TOKENS = 1_000;

/**
 * A token from the future, or one that lives for years, is a stolen signing key or a broken
 * issuer: refused. jose checks exp and nbf; this bounds iat and the lifetime, with the same skew.
 */
export const tokenTimeProblem = (claims: JWTPayload, nowSeconds: number, toleranceSeconds: number, maxLifetimeSeconds: number): string | undefined => {
  const { iat, exp } = claims;
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) return 'invalid claim iat: must be a number of seconds';
  if (iat !== undefined && iat > nowSeconds + toleranceSeconds) return 'invalid claim iat: the token was issued in the future';
  if (exp !== undefined && exp - (iat ?? nowSeconds) > maxLifetimeSeconds + toleranceSeconds)
    return `invalid claim exp: a token may live at most ${maxLifetimeSeconds} seconds`;
  return undefined;
};

type Verify = (token: string, options: JWTVerifyOptions) => Promise<JWTPayload>;

const BEARER = /^Bearer[ \t]+([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*)[ \t]*$/i;

const bearerToken = (authorization: string | undefined): string => {
  if (!authorization?.trim()) throw new Unauthenticated('missing authorization header');
  if (!/^Bearer[ \t]/i.test(authorization))
    throw new Unauthenticated('authorization header is not a Bearer token');
  const token = BEARER.exec(authorization)?.[1];
  if (!token)
    throw new Unauthenticated('malformed token: a Bearer token must be a JWT (header.payload.signature)');
  return token;
};

/** jose error code → what the caller (and the operator reading the log) needs to hear. */
const MESSAGES: Readonly<Record<string, (error: errors.JOSEError) => string>> = {
  ERR_JWT_EXPIRED: () => 'token expired',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: () => 'bad token signature',
  ERR_JOSE_ALG_NOT_ALLOWED: () => 'token signed with an algorithm that is not accepted',
  ERR_JWKS_NO_MATCHING_KEY: () => 'no key in the JWKS matches the token (kid/alg)',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: () => 'several keys in the JWKS match the token; it must name its kid',
  ERR_JWKS_TIMEOUT: () => 'cannot verify the token: the JWKS endpoint timed out',
  ERR_JWKS_INVALID: () => 'cannot verify the token: the JWKS endpoint returned no valid key set',
  ERR_JWS_INVALID: (error) => `malformed token: ${error.message}`,
  ERR_JWT_INVALID: (error) => `malformed token: ${error.message}`,
  ERR_JOSE_NOT_SUPPORTED: (error) => `unsupported token: ${error.message}`,
  // jose's generic error is what a failed JWKS fetch (non-200 answer) raises.
  ERR_JOSE_GENERIC: (error) => `cannot verify the token: ${error.message}`,
};

const claimProblem = (error: errors.JWTClaimValidationFailed): string =>
  error.reason === 'missing'
    ? `missing claim ${error.claim}`
    : `invalid claim ${error.claim}: ${error.message}`;

const toUnauthenticated = (error: unknown): Unauthenticated => {
  if (error instanceof Unauthenticated) return error;
  if (error instanceof errors.JWTClaimValidationFailed) return new Unauthenticated(claimProblem(error));
  if (error instanceof errors.JOSEError) {
    const message = MESSAGES[error.code];
    return new Unauthenticated(message ? message(error) : `token rejected: ${error.message}`);
  }
  // Not a token problem but a fetch failure (JWKS unreachable, non-200): still no identity.
  const reason = error instanceof Error ? error.message : String(error);
  return new Unauthenticated(`cannot verify the token: ${reason}`);
};

const verifierFor = (config: JwtAuthenticatorConfig): { verify: Verify; algorithms: string[]; remembers: boolean } => {
  if (config.secret && config.jwksUrl)
    throw new Error('JwtAuthenticator: configure either secret or jwksUrl, not both');
  if (config.secret) {
    const key = new TextEncoder().encode(config.secret);
    return {
      verify: async (token, options) => (await jwtVerify(token, key, options)).payload,
      algorithms: ['HS256'],
      // A shared secret does not change while the process runs: a signature it verified stays verified.
      remembers: true,
    };
  }
  if (config.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
    return {
      verify: async (token, options) => (await jwtVerify(token, jwks, options)).payload,
      algorithms: ['RS256', 'ES256'],
      // A key can leave the JWKS (revoked): every request verifies against the set as it is now.
      remembers: false,
    };
  }
  throw new Error('JwtAuthenticator: configure secret (HS256) or jwksUrl (RS256/ES256)');
};

/**
 * Verifies `Authorization: Bearer <jwt>` with jose: HS256 against a shared secret, or RS256/ES256
 * against a JWKS URL (keys cached and refetched on an unknown kid). Every failure becomes an
 * Unauthenticated whose message names what is wrong, never a generic "invalid token". With a shared
 * secret, a token once accepted is remembered (the last thousand), so a client's next request with
 * it costs no HMAC: its signature, issuer and audience cannot change, and its time window (exp, nbf,
 * iat, lifetime) is checked again against the clock at every use.
 */
export class JwtAuthenticator implements Authenticator {
  private readonly verify: Verify;
  private readonly options: JWTVerifyOptions;
  private readonly now: () => Date;
  private readonly maxLifetime: number;
  private readonly remembered: Map<string, JWTPayload> | undefined;

  constructor(config: JwtAuthenticatorConfig) {
    this.now = config.now ?? (() => new Date());
    this.maxLifetime = config.maxTokenLifetimeSeconds ?? DAY_SECONDS;
    const { verify, algorithms, remembers } = verifierFor(config);
    this.verify = verify;
    this.remembered = remembers ? new Map() : undefined;
    this.options = {
      algorithms,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: config.clockToleranceSeconds ?? 30,
      ...(config.issuer ? { issuer: config.issuer } : {}),
      ...(config.audience ? { audience: config.audience } : {}),
    };
  }

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    const now = this.now();
    const claims =
      this.rememberedValid(token, now) ??
      (await this.verify(token, { ...this.options, currentDate: now }).catch((error: unknown) => {
        throw toUnauthenticated(error);
      }));
    const timeProblem = tokenTimeProblem(claims, Math.floor(now.getTime() / 1000), Number(this.options.clockTolerance), this.maxLifetime);
    if (timeProblem) throw new Unauthenticated(timeProblem);
    const principal = principalFromClaims(claims);
    this.remember(token, claims);
    return principal;
  }

  /**
   * The claims of a token verified before, if its time window still holds (jose's exp and nbf
   * checks, with the same skew); undefined sends it through the whole verification, which names
   * what is wrong.
   */
  private rememberedValid(token: string, now: Date): JWTPayload | undefined {
    const claims = this.remembered?.get(token);
    if (!claims) return undefined;
    const seconds = Math.floor(now.getTime() / 1000);
    const tolerance = Number(this.options.clockTolerance);
    if (typeof claims.exp !== 'number' || claims.exp <= seconds - tolerance || (typeof claims.nbf === 'number' && claims.nbf > seconds + tolerance)) return undefined;
    return claims;
  }

  private remember(token: string, claims: JWTPayload): void {
    const remembered = this.remembered;
    if (!remembered || remembered.has(token)) return;
    if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, claims);
  }
}
