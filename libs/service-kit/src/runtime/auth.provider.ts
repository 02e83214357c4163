import { ensureDevSecret } from '../auth/dev-secret';
import { JwtAuthenticator } from '../auth/jwt-authenticator';
import type { PlatformConfig } from '../config/platform.config';

/**
 * The embedded mode must start with nothing configured, yet never accept unsigned tokens: it
 * signs with a random secret kept in DATA_DIR, which `npm run token -- --data-dir` reads.
 */
export const createAuthenticator = async (config: PlatformConfig): Promise<JwtAuthenticator> => {
  const issuer = { ...(config.AUTH_ISSUER ? { issuer: config.AUTH_ISSUER } : {}), maxTokenLifetimeSeconds: config.AUTH_MAX_TOKEN_LIFETIME_SECONDS };
  if (config.AUTH_JWKS_URL) return new JwtAuthenticator({ jwksUrl: config.AUTH_JWKS_URL, ...issuer });
  const secret = config.AUTH_JWT_SECRET ?? (await ensureDevSecret(config.DATA_DIR));
  return new JwtAuthenticator({ secret, ...issuer });
};
