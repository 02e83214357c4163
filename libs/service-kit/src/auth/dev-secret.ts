import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The embedded mode needs a signing secret without asking anyone to configure one. It lives in
 * the data folder, so tokens from `npm run token -- --data-dir <dir>` match the running platform
 * and survive its restarts, and deleting the folder also invalidates every token issued for it.
 */
export const DEV_JWT_SECRET_FILE = 'dev-jwt-secret';

const isMissing = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** The stored secret, or undefined when the data folder has none yet. */
export const readDevSecret = async (dataDir: string): Promise<string | undefined> => {
  try {
    const secret = (await readFile(join(dataDir, DEV_JWT_SECRET_FILE), 'utf8')).trim();
    return secret || undefined;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
};

/** Returns the stored secret, creating a random one (owner-readable only) on first use. */
export const ensureDevSecret = async (dataDir: string): Promise<string> => {
  const existing = await readDevSecret(dataDir);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
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
