import { chmod, mkdir, stat } from 'node:fs/promises';

/** The data folder is the owner's: another user cannot read it, whatever the files inside say. */
export const DATA_DIR_MODE = 0o700;

/** The data folder could not be made the owner's alone (another user owns it, a read-only mount). */
export class UnsafeDataDir extends Error {
  override readonly name = 'UnsafeDataDir';
}

/**
 * Creates DATA_DIR as 0700, or tightens an existing one to 0700 (an earlier version made it 0755:
 * the event log, the read models and the signing secret were readable by every local user).
 */
export const secureDataDir = async (dataDir: string): Promise<void> => {
  await mkdir(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  const mode = (await stat(dataDir)).mode & 0o777;
  if (mode === DATA_DIR_MODE) return;
  try {
    await chmod(dataDir, DATA_DIR_MODE);
  } catch (error) {
    throw new UnsafeDataDir(`DATA_DIR ${dataDir} is mode ${mode.toString(8).padStart(4, '0')} and cannot be made 0700 (${(error as NodeJS.ErrnoException).code ?? 'error'}): give it to this user`);
  }
};
