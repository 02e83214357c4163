// `npm test`: unit specs are pure, so they run in parallel workers (one per core). Each e2e spec of
// the embedded platform starts its own platform (its own PGlite folder, free ports, its own clock),
// so those run two at a time. The specs that spawn service processes, stop brokers or cut databases
// (faults, distributed, lifecycle, the example consumer on the shared broker) share PostgreSQL,
// Kafka and the machine's timers, so they run one at a time, and so does every integration spec
// unless tools/jest/paired-int-specs.txt declares it paired-safe: those run two at a time beside it, niced.
// The list is explicit, and a new spec is alone until listed, because safety cannot be read off a
// spec reliably: a spec that makes its own database may still bound a duration, restart a broker
// or reach shared state through a test kit in another file. With `--json --outputFile=F` the runs'
// reports are merged into F, as one jest run would write it.
// Any other selection (`--selectProjects`, a path) is one plain jest run, in band.
const { spawn, spawnSync } = require('node:child_process');
const { availableParallelism } = require('node:os');
const { existsSync, readFileSync, writeFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

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

/**
 * Integration specs that may run two at a time: one path a line, `#` comments say why. A listed
 * path that no longer exists stops the run, so the list cannot silently shrink to nothing.
 */
const ROOT = join(__dirname, '..', '..');
const PAIRED_LIST = join(__dirname, 'paired-int-specs.txt');
const paired = readFileSync(PAIRED_LIST, 'utf8').split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
const gone = paired.filter((path) => !existsSync(join(ROOT, path)));
if (gone.length > 0) {
  process.stderr.write(`${PAIRED_LIST} lists specs that do not exist: ${gone.join(', ')}\n`);
  process.exit(2);
}
const PAIRED = `(${paired.map((path) => `/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).join('|')})`;

const workers = String(Math.max(2, availableParallelism()));
const runs = [
  ['unit', ['--selectProjects', 'unit', `--maxWorkers=${workers}`]],
  ['embedded', ['--selectProjects', 'e2e', '--maxWorkers=2', `--testPathIgnorePatterns=${ALONE}`]],
  ['alone', ['--runInBand', '--selectProjects', 'integration', 'e2e', `--testPathPattern=(\\.int\\.spec|${ALONE})`, ...(paired.length ? [`--testPathIgnorePatterns=${PAIRED}`] : [])]],
  ...(paired.length ? [['paired', ['--selectProjects', 'integration', '--maxWorkers=2', `--testPathPattern=${PAIRED}`]]] : []),
];
// TEST_RUNS=alone,paired runs only those of the runs above (to time or retry a group as CI runs it).
const only = process.env['TEST_RUNS']?.split(',').filter(Boolean);
const chosen = only ? runs.filter(([name]) => only.includes(name)) : runs;
if (chosen.length === 0) {
  process.stderr.write(`TEST_RUNS names none of the runs: ${runs.map(([name]) => name).join(', ')}\n`);
  process.exit(2);
}
/** One jest run as a child process (niced when asked), answering its exit status when it ends. */
const runAsync = (extra, { niced = false } = {}) =>
  new Promise((resolve) => {
    const [command, commandArgs] = niced ? ['nice', ['-n', '10', process.execPath, jest, ...extra]] : [process.execPath, [jest, ...extra]];
    const child = spawn(command, commandArgs, { stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
const seconds = [];
const timed = async (name, running) => {
  const started = Date.now();
  const status = await running;
  seconds.push(`${name} ${Math.round((Date.now() - started) / 1000)} s`);
  return status;
};
// The `alone` run leaves the cores about half idle (its specs wait on brokers, outages, leases and
// spawned services: 50 % busy on average, 2026-12-07), so the `paired` run goes beside it, niced:
// its specs bound no duration and own their state (see the list's rules), and at nice 10 they get
// the cores mostly when `alone` leaves them idle.
const pairedBesideAlone = chosen.some(([name]) => name === 'alone') && chosen.some(([name]) => name === 'paired');
const runAll = async () => {
  const statuses = [];
  for (const [name, selection] of chosen) {
    if (pairedBesideAlone && name === 'paired') continue;
    const started = runAsync([...selection, ...rest, ...reportOf(name)]);
    if (pairedBesideAlone && name === 'alone') {
      const paired = runs.find(([other]) => other === 'paired')[1];
      statuses.push(...(await Promise.all([timed(name, started), timed('paired (beside alone, niced)', runAsync([...paired, ...rest, ...reportOf('paired')], { niced: true }))])));
    } else {
      statuses.push(await timed(name, started));
    }
  }
  return statuses;
};

void runAll().then((statuses) => {
  // Where the time went, for keeping CI inside its budget.
  process.stdout.write(`\ntest runs: ${seconds.join(', ')}\n`);

  if (output) {
    const parts = chosen.map(([name]) => name).flatMap((name) => {
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
      success: parts.length === chosen.length && parts.every((part) => part.success),
      wasInterrupted: parts.some((part) => part.wasInterrupted),
      testResults: parts.flatMap((part) => part.testResults ?? []),
    };
    writeFileSync(output, JSON.stringify(merged));
  }
  process.exit(statuses.find((status) => status !== 0) ?? 0);
});
