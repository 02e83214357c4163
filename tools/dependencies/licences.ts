import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockedPackage {
  readonly version?: string;
  readonly license?: unknown;
  readonly dev?: boolean;
}

export interface Licensed {
  readonly name: string;
  readonly version: string;
  readonly licence: string;
}

/** Licences that would oblige us to publish our source if shipped: none may be in production. */
export const COPYLEFT = /\b(A?GPL|LGPL|SSPL|EUPL|OSL|CC-BY-SA)/i;

/** Every package the production install holds (package-lock.json, not dev), with its declared licence. */
export const productionPackages = (lock: { packages: Record<string, LockedPackage> }): Licensed[] =>
  Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev)
    .map(([path, entry]) => ({
      name: path.replace(/^.*node_modules\//, ''),
      version: entry.version ?? '?',
      licence: typeof entry.license === 'string' ? entry.license : 'not declared',
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));

export const dependencyRecord = (packages: readonly Licensed[]): string => {
  const counts = new Map<string, number>();
  for (const { licence } of packages) counts.set(licence, (counts.get(licence) ?? 0) + 1);
  return [
    '# Dependencies and licences',
    '',
    'Generated from package-lock.json (`node -r ./tools/register.js tools/dependencies/licences.ts`): every package a',
    'production install holds, with the licence its lockfile entry declares. Known vulnerabilities: `npm audit',
    '--omit=dev` needs the registry\'s advisories endpoint, which this environment refuses; run it where the',
    'registry answers. What is checked offline: `tools/dependencies/licences.spec.ts` refuses a copyleft licence.',
    '',
    '| licence | packages |',
    '|---|---|',
    ...[...counts.entries()].sort((a, b) => b[1] - a[1]).map(([licence, count]) => `| ${licence} | ${count} |`),
    '',
    '| package | version | licence |',
    '|---|---|---|',
    ...packages.map((entry) => `| ${entry.name} | ${entry.version} | ${entry.licence} |`),
    '',
  ].join('\n');
};

const REPO = join(__dirname, '..', '..');
export const readLock = () => JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };

if (require.main === module) writeFileSync(join(REPO, 'docs', 'dependencies.md'), dependencyRecord(productionPackages(readLock())));
