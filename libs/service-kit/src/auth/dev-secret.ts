import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded mode needs a signing secret without asking anyone to configure one. It lives in
 * the data folder, so tokens from `npm run token -- --data-dir <dir>` match the running platform
 * and survive its restarts, and deleting the folder also invalidates every token issued for it.
 */
export const DEV_JWT_SECRET_FILE = 'dev-jwt-secret';

const isMissing = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** As long as a secret from the environment outside the embedded mode must be; the file's own is 43. */
export const MIN_SECRET_FILE_LENGTH = 32;

/** A secret file anyone else can read, or one too short to resist guessing: tokens it signs prove nothing. */
export class UnsafeSecretFile extends Error {
  override readonly name = 'UnsafeSecretFile';
}

const checked = async (path: string, secret: string): Promise<string> => {
  const mode = (await stat(path)).mode & 0o777;
  if ((mode & 0o077) !== 0)
    throw new UnsafeSecretFile(`${path} is readable by others (mode ${mode.toString(8).padStart(4, '0')}): chmod 600 it, or delete it to make a new one`);
  if (secret.length < MIN_SECRET_FILE_LENGTH)
    throw new UnsafeSecretFile(`${path} holds ${secret.length} character(s), fewer than ${MIN_SECRET_FILE_LENGTH}: delete it to make a new one`);
  return secret;
};

/**
 * The stored secret, or undefined when the data folder has none yet. It must be the owner's alone
 * (mode 0600 or tighter) and at least 32 characters, or it is refused (UnsafeSecretFile).
 */
export const readDevSecret = async (dataDir: string): Promise<string | undefined> => {
  const path = join(dataDir, DEV_JWT_SECRET_FILE);
  let secret: string;
  try {
    secret = (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  return secret ? checked(path, secret) : undefined;
};

/** Returns the stored secret, creating a random one (owner-readable only) on first use. */
export const ensureDevSecret = async (dataDir: string): Promise<string> => {
  const existing = await readDevSecret(dataDir);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails if another process created it meanwhile; then that one's secret wins.
    await writeFile(join(dataDir, DEV_JWT_SECRET_FILE), `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readDevSecret(dataDir);
    if (!winner) throw error;
    return winner;
  }
};
