import { SignJWT } from 'jose';
import type { Audience } from './principal';

export interface DevTokenClaims {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly audience: Audience;
  readonly unit?: string | undefined;
  readonly partner?: string | undefined;
}

export interface DevTokenOptions {
  /** `iss`, for a platform configured with AUTH_ISSUER. */
  readonly issuer?: string | undefined;
  /** JWT `aud`, for a platform that requires one. */
  readonly tokenAudience?: string | undefined;
}

/**
 * Signs an HS256 token for development and tests, with the claims JwtAuthenticator expects.
 * `ttl` is a jose time span ('8h', '15m', '90s') or a number of seconds.
 */
export const issueDevToken = async (
  secret: string,
  claims: DevTokenClaims,
  ttl: string | number = '8h',
  options: DevTokenOptions = {},
): Promise<string> => {
  const { sub, roles, audience, unit, partner } = claims;
  const jwt = new SignJWT({
    roles: [...roles],
    audience,
    ...(unit ? { unit } : {}),
    ...(partner ? { partner } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    // A number given to jose is an absolute time; ours is a duration, so make it one.
    .setExpirationTime(typeof ttl === 'number' ? `${ttl}s` : ttl);
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.tokenAudience) jwt.setAudience(options.tokenAudience);
  return jwt.sign(new TextEncoder().encode(secret));
};
