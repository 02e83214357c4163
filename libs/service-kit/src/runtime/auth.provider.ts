import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JwtAuthenticator } from '../auth/jwt-authenticator';
import type { PlatformConfig } from '../config/platform.config';

export const DEV_SECRET_FILE = 'dev-jwt-secret';

/**
 * The embedded mode must start with nothing configured, yet never accept unsigned tokens: it
 * keeps a random development secret in DATA_DIR, which `npm run token -- --data-dir` reads.
 */
export const embeddedDevSecret = async (dataDir: string): Promise<string> => {
  const file = join(dataDir, DEV_SECRET_FILE);
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
};

export const createAuthenticator = async (config: PlatformConfig): Promise<JwtAuthenticator> => {
  if (config.AUTH_JWKS_URL) return new JwtAuthenticator({ jwksUrl: config.AUTH_JWKS_URL, ...(config.AUTH_ISSUER ? { issuer: config.AUTH_ISSUER } : {}) });
  const secret = config.AUTH_JWT_SECRET ?? (await embeddedDevSecret(config.DATA_DIR));
  return new JwtAuthenticator({ secret, ...(config.AUTH_ISSUER ? { issuer: config.AUTH_ISSUER } : {}) });
};
