import { cp, mkdir, mkdtemp, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '@collab/service-kit';
import { MovableClock, TEST_MONDAY_MORNING } from '@collab/testing';

/**
 * A platform's data folder as the platform leaves it after its first start: migrated, seeded with
 * the default directory, channels, calendars, processes and KPI definitions, stopped gracefully.
 * Most e2e specs start a platform with the same settings at Monday morning or later; they start
 * from a copy of this folder instead of migrating and seeding anew (about 8 CPU seconds each, half
 * of a short spec's), which is what a restart does anyway: a spec whose clock starts later runs a
 * platform installed on Monday morning and restarted when its clock says. Made once per test run,
 * by whichever spec asks first (the others wait for it), in the folder the e2e global set-up names;
 * a spec with other settings or an earlier instant starts from nothing, and so does every spec when
 * no folder is named.
 */
const TEMPLATES = 'COLLAB_E2E_TEMPLATES';
/** The template's platform ran a minute before Monday morning, as if started then and restarted. */
const MADE_AT = new Date(Date.parse(TEST_MONDAY_MORNING) - 60_000);
const WAIT_FOR_ANOTHER_MS = 90_000;

type StartPlatform = (dataDir: string, clock: Clock) => Promise<{ close(): Promise<void> }>;

export const startsLikeTheTemplate = (env: Record<string, string>, clock: Clock): boolean => {
  const fromMonday = clock.now().getTime() - Date.parse(TEST_MONDAY_MORNING);
  return Object.keys(env).length === 0 && fromMonday >= 0;
};

/** Copies the template into `dataDir` and answers true, or answers false when there is none to copy. */
export const copyPlatformTemplate = async (dataDir: string, start: StartPlatform): Promise<boolean> => {
  const folder = process.env[TEMPLATES];
  if (!folder) return false;
  const template = await templateIn(folder, start);
  if (!template) return false;
  await cp(template, dataDir, { recursive: true });
  return true;
};

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

const templateIn = async (folder: string, start: StartPlatform): Promise<string | undefined> => {
  const template = join(folder, 'platform');
  if (await exists(template)) return template;
  const failed = join(folder, 'platform.failed');
  const claimed = await mkdir(join(folder, 'platform.making')).then(() => true, () => false);
  if (claimed) return makeTemplate(folder, template, start).catch(async (error: unknown) => {
    await mkdir(failed, { recursive: true });
    throw error;
  });
  for (const deadline = Date.now() + WAIT_FOR_ANOTHER_MS; Date.now() < deadline && !(await exists(failed)); ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (await exists(template)) return template;
  }
  return undefined;
};

const makeTemplate = async (folder: string, template: string, start: StartPlatform): Promise<string> => {
  const making = await mkdtemp(join(folder, 'making-'));
  const platform = await start(making, new MovableClock(MADE_AT));
  await platform.close();
  // Renamed whole, so a spec never copies a half-made template.
  await rename(making, template);
  return template;
};

