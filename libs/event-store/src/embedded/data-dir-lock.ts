import { open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

/** Another live process (or another open in this one) holds the data folder. */
export class DataDirLocked extends Error {
  override readonly name = 'DataDirLocked';
  constructor(
    readonly dataDir: string,
    readonly owner?: LockOwner,
  ) {
    const holder = owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process';
    super(
      `data folder ${dataDir} is already open by ${holder} (lock ${lockPath(dataDir)}); ` +
        'stop that process or choose another DATA_DIR',
    );
  }
}

export const lockPath = (dataDir: string): string => path.join(dataDir, 'open.lock');

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readOwner = async (file: string): Promise<LockOwner | undefined> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
};

/** A lock whose owner is gone: a crash or kill -9 left it behind. Another host's lock is never judged. */
const isStale = (owner: LockOwner | undefined): boolean =>
  owner !== undefined && owner.host === hostname() && owner.pid !== process.pid && !isAlive(owner.pid);

const tryCreate = async (file: string): Promise<boolean> => {
  try {
    const handle = await open(file, 'wx', 0o600);
    const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(owner));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};

/**
 * Locks the data folder for this process: the lock file names its owner's pid, so a lock left
 * by a crashed process is taken over at once on the next start (no waiting for it to expire),
 * while a live owner is named in the error. Creation is atomic (`wx`); a stale lock is moved
 * aside with rename, which only one contender can win.
 */
export const lockDataDir = async (dataDir: string): Promise<() => Promise<void>> => {
  const file = lockPath(dataDir);
  if (!(await tryCreate(file))) {
    const owner = await readOwner(file);
    if (!isStale(owner)) throw new DataDirLocked(dataDir, owner);
    await rename(file, `${file}.stale-${process.pid}`).catch(() => undefined);
    await unlink(`${file}.stale-${process.pid}`).catch(() => undefined);
    if (!(await tryCreate(file))) throw new DataDirLocked(dataDir, await readOwner(file));
  }
  return () => unlink(file).catch(() => undefined);
};
