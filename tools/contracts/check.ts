import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compatibilityProblems } from './compatibility';
import { LOCK_PATH, lockOf, publishedSchemas, REPO } from './published-files';

/**
 * `npm run contracts:check` (CI): the published event schemas and the protos against a baseline.
 * The baseline is CONTRACTS_BASE when set, else where this branch left main (`git merge-base HEAD
 * main`), else — on main itself, as in CI's clean clone where main is the only branch — the commit
 * before HEAD. Event schemas are compared through the lock of fingerprints committed there, so the
 * check needs only that one file from history; protos go through `buf breaking` against the same commit.
 */
const git = (...args: string[]): string | undefined => {
  const run = spawnSync('git', args, { cwd: REPO, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
};

const baseline = (): string | undefined => {
  if (process.env['CONTRACTS_BASE']) return git('rev-parse', process.env['CONTRACTS_BASE']);
  const head = git('rev-parse', 'HEAD');
  const forkPoint = git('merge-base', 'HEAD', 'main');
  if (forkPoint !== undefined && forkPoint !== head) return forkPoint;
  return git('rev-parse', 'HEAD~1');
};

const base = baseline();
const schemas = publishedSchemas();
const problems: string[] = [];
const committedLock = readFileSync(join(REPO, LOCK_PATH), 'utf8');
if (committedLock !== `${JSON.stringify(lockOf(schemas), null, 2)}\n`)
  problems.push(`${LOCK_PATH} is stale: run npm run contracts:generate`);
if (base === undefined)
  console.log('no baseline commit (a shallow clone?): only the committed lock is checked');
const baseLock = base === undefined ? undefined : git('show', `${base}:${LOCK_PATH}`);
problems.push(
  ...compatibilityProblems(
    baseLock === undefined ? JSON.parse(committedLock) : JSON.parse(baseLock),
    schemas,
  ),
);
console.log(
  `event schemas: ${schemas.size} published type@versions against ${base === undefined ? 'the committed lock' : `${base.slice(0, 12)}'s lock`}`,
);

if (base !== undefined && process.env['CONTRACTS_SKIP_BUF'] !== '1') {
  try {
    execFileSync('npx', ['buf', 'breaking', '--against', `.git#ref=${base}`], {
      cwd: REPO,
      stdio: 'inherit',
    });
    console.log(`protos: no breaking change against ${base.slice(0, 12)}`);
  } catch {
    problems.push('buf breaking found breaking changes in proto/ (above)');
  }
}
for (const problem of problems) console.error(`✗ ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
