// `npm test`: unit specs are pure, so they run in parallel workers (one per core). Each e2e spec of
// the embedded platform starts its own platform (its own PGlite folder, free ports, its own clock),
// so those run two at a time. Integration specs and the specs that spawn service processes, stop
// brokers or cut databases (faults, distributed, lifecycle, the example consumer on the shared
// broker) share PostgreSQL, Kafka and the machine's timers, so they run one at a time. With
// `--json --outputFile=F` the runs' reports are merged into F, as one jest run would write it.
// Any other selection (`--selectProjects`, a path) is one plain jest run, in band.
const { spawnSync } = require('node:child_process');
const { availableParallelism } = require('node:os');
const { readFileSync, writeFileSync, rmSync } = require('node:fs');

const args = process.argv.slice(2);
const jest = require.resolve('jest/bin/jest');
const run = (extra) => spawnSync(process.execPath, [jest, ...extra], { stdio: 'inherit' }).status ?? 1;

const outputAt = args.findIndex((arg) => arg === '--outputFile' || arg.startsWith('--outputFile='));
const output = outputAt < 0 ? undefined : args[outputAt].includes('=') ? args[outputAt].split('=')[1] : args[outputAt + 1];
const rest = args.filter((_, index) => index !== outputAt && !(outputAt >= 0 && !args[outputAt].includes('=') && index === outputAt + 1));
const selects = rest.some((arg) => !arg.startsWith('-') || arg.startsWith('--selectProjects') || arg.startsWith('--testPathPattern'));
if (selects) process.exit(run(['--runInBand', ...args]));

const reportOf = (name) => (output ? [`--outputFile=${output}.${name}`] : []);

/** E2e specs that spawn processes, stop a broker, cut a database or read a shared topic: one at a time. */
const ALONE = '(/e2e/faults/|\\.distributed\\.e2e\\.spec|/tools/lifecycle/|/analysts/example-consumer)';

const workers = String(Math.max(2, availableParallelism()));
const runs = [
  ['unit', ['--selectProjects', 'unit', `--maxWorkers=${workers}`]],
  ['embedded', ['--selectProjects', 'e2e', '--maxWorkers=2', `--testPathIgnorePatterns=${ALONE}`]],
  ['alone', ['--runInBand', '--selectProjects', 'integration', 'e2e', `--testPathPattern=(\\.int\\.spec|${ALONE})`]],
];
const statuses = runs.map(([name, selection]) => run([...selection, ...rest, ...reportOf(name)]));

if (output) {
  const parts = runs.map(([name]) => name).flatMap((name) => {
    try {
      const report = JSON.parse(readFileSync(`${output}.${name}`, 'utf8'));
      rmSync(`${output}.${name}`);
      return [report];
    } catch {
      return [];
    }
  });
  const sum = (field) => parts.reduce((total, part) => total + (part[field] ?? 0), 0);
  const counts = Object.keys(parts[0] ?? {}).filter((key) => /^num[A-Z]/.test(key));
  const merged = {
    ...Object.fromEntries(counts.map((key) => [key, sum(key)])),
    startTime: Math.min(...parts.map((part) => part.startTime)),
    success: parts.length === runs.length && parts.every((part) => part.success),
    wasInterrupted: parts.some((part) => part.wasInterrupted),
    testResults: parts.flatMap((part) => part.testResults ?? []),
  };
  writeFileSync(output, JSON.stringify(merged));
}
process.exit(statuses.find((status) => status !== 0) ?? 0);
