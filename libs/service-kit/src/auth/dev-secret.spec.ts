import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secureDataDir } from '../runtime/data-dir';
import { DEV_JWT_SECRET_FILE, ensureDevSecret, readDevSecret, UnsafeSecretFile } from './dev-secret';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

/** The embedded secret file is checked as the environment's secret is (issue 13). */
describe('the embedded signing secret and data folder', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'collab-dev-secret-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const secretFile = async (content: string, mode: number) => {
    const path = join(root, DEV_JWT_SECRET_FILE);
    await writeFile(path, content, { mode });
    await chmod(path, mode);
    return path;
  };

  it('refuses a secret file others can read, naming it and its mode', async () => {
    const path = await secretFile(`${'k'.repeat(43)}\n`, 0o644);
    await expect(readDevSecret(root)).rejects.toThrow(new UnsafeSecretFile(`${path} is readable by others (mode 0644): chmod 600 it, or delete it to make a new one`));
  });

  it('refuses a one-character secret even when only its owner reads it', async () => {
    const path = await secretFile('x\n', 0o600);
    await expect(ensureDevSecret(root)).rejects.toThrow(new UnsafeSecretFile(`${path} holds 1 character(s), fewer than 32: delete it to make a new one`));
  });

  it('accepts the secret it made itself, and makes the folder 0700 and the file 0600', async () => {
    const folder = join(root, 'data');
    const secret = await ensureDevSecret(folder);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await expect(readDevSecret(folder)).resolves.toBe(secret);
    expect(await modeOf(folder)).toBe(0o700);
    expect(await modeOf(join(folder, DEV_JWT_SECRET_FILE))).toBe(0o600);
  });

  it('creates the data folder 0700, and tightens one an earlier version left 0755', async () => {
    const fresh = join(root, 'fresh');
    await secureDataDir(fresh);
    expect(await modeOf(fresh)).toBe(0o700);
    await chmod(root, 0o755);
    await secureDataDir(root);
    expect(await modeOf(root)).toBe(0o700);
  });
});
