import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, spawnService, type ServiceLaunch } from '@collab/testing';

const run = promisify(execFile);
const REPO = path.join(__dirname, '..', '..');
const DOC = path.join(REPO, 'docs', 'benchmarks.md');
const KAFKA_SCRIPT = path.join(REPO, 'scripts', 'kafka.sh');

/** What was started, undone in reverse order whatever happened in between. */
export class Teardown {
  private readonly steps: (() => Promise<unknown>)[] = [];
  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.reverse()) await step().catch((error: unknown) => console.error('teardown:', error));
  }
}

/** A broker of our own through scripts/kafka.sh, in a temporary home on free ports; stopped by the same script. */
export const privateKafka = async (teardown: Teardown): Promise<string> => {
  const home = await mkdtemp(path.join(tmpdir(), 'collab-bench-kafka-'));
  teardown.add(() => rm(home, { recursive: true, force: true }));
  const [port, controllerPort] = [await freePort(), await freePort()];
  const env = { ...process.env, KAFKA_HOME_DIR: home, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort) };
  // Registered before the start: a start that times out may still leave a broker behind its pid file.
  teardown.add(() => run('bash', [KAFKA_SCRIPT, 'stop'], { env, timeout: 60_000 }));
  await run('bash', [KAFKA_SCRIPT, 'start'], { env, timeout: 300_000 });
  return `127.0.0.1:${port}`;
};

/** Compiles apps/ and libs/ into dist/ (`npm run build`), for services started from the build; answers what it built. */
export const buildServices = async (): Promise<string> =>
  (await run(process.execPath, ['-r', './tools/register.js', 'tools/build.ts'], { cwd: REPO, timeout: 300_000 })).stdout.trim();

export const averageLoad = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

/** Replaces the section between `<!-- <name>-bench:start -->` and its end marker in docs/benchmarks.md (appends it when missing). */
export const writeBenchSection = async (name: string, lines: readonly string[]): Promise<string> => {
  const [start, end] = [`<!-- ${name}-bench:start -->`, `<!-- ${name}-bench:end -->`];
  const section = [start, ...lines, end].join('\n');
  const existing = await readFile(DOC, 'utf8').catch(() => '# Benchmarks\n');
  const [from, to] = [existing.indexOf(start), existing.indexOf(end)];
  const next = from >= 0 && to > from ? `${existing.slice(0, from)}${section}${existing.slice(to + end.length)}` : `${existing.trimEnd()}\n\n${section}\n`;
  await writeFile(DOC, next);
  return path.relative(process.cwd(), DOC);
};

export const count = (value: number | bigint): string => Math.round(Number(value)).toLocaleString('en-US');

export const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** A service process that is up (its /health answered), and how to stop it. */
export interface StartedService {
  readonly pid: number;
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/**
 * `startServiceProcess`, with more patience for /health: on a machine shared with other work, a
 * start (the platform's five services on PGlite above all) can take longer than the tests' 60 s.
 */
export const startPatiently = async (
  service: string,
  env: Readonly<Record<string, string>>,
  patienceMs = 300_000,
  launch: ServiceLaunch = 'sources',
): Promise<StartedService> => {
  const port = await freePort();
  const spawned = spawnService(service, env, port, launch);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    spawned.signal('SIGTERM');
    await spawned.waitForExit(30_000).catch(() => undefined);
  };
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const exit = spawned.exit();
    if (exit) throw new Error(`${service} exited with ${exit.code ?? exit.signal}:\n${spawned.output()}`);
    const up = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5_000) }).then((response) => response.ok, () => false);
    if (up) return { pid: spawned.pid, baseUrl, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${service} did not answer /health within ${patienceMs / 1000} s:\n${spawned.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};
