import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './eventually';
import { UNTHROTTLED } from './unthrottled';

const REPO = join(__dirname, '..', '..', '..');

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** When it exited, as Date.now(). */
  readonly at: number;
}

/** One service's OS process, spawned as `npm run start:service` runs it, not yet known to be up. */
export interface SpawnedService {
  readonly pid: number;
  /** As Date.now(), just before the spawn. */
  readonly spawnedAt: number;
  /** stdout and stderr as they came. */
  readonly output: () => string;
  readonly stderr: () => string;
  /** When stderr first said something, as Date.now(). */
  readonly firstStderrAt: () => number | undefined;
  /** The exit, once it happened. */
  exit(): ProcessExit | undefined;
  signal(signal: NodeJS.Signals): void;
  /** The exit; rejects (and SIGKILLs the process, so nothing is left behind) if it takes longer than `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<ProcessExit>;
}

export interface ServiceProcess extends SpawnedService {
  readonly baseUrl: string;
  /** Graceful: SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** A crash: SIGKILL at once, no shutdown hooks run. */
  kill(): Promise<void>;
}

/**
 * The test runner's environment without the settings that choose a mode: a child gets exactly the
 * storage and transport its test names (the runner's own KAFKA_BROKERS, say, would turn an
 * embedded platform into a half-distributed one).
 */
const MODE_SETTINGS = ['KAFKA_BROKERS', 'DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING', 'SERVICE', 'DATA_DIR'];
const inheritedEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !MODE_SETTINGS.includes(name)));

/**
 * How a service process starts: from its TypeScript sources through tools/register.js, as the
 * tests and `npm run start:service` run it, or from the build (dist/, `npm run build`) through
 * scripts/serve.sh, as its container runs it — what a benchmark of the deployed process measures.
 */
export type ServiceLaunch = 'sources' | 'build';

const commandFor = (service: string, launch: ServiceLaunch): [string, string[]] =>
  launch === 'build' ? ['bash', ['scripts/serve.sh']] : [process.execPath, ['-r', './tools/register.js', `apps/${service}/src/main.ts`]];

/** Spawns `apps/<service>/src/main.ts` on its own; `startServiceProcess` also waits for /health. */
export const spawnService = (
  service: string,
  env: Readonly<Record<string, string>>,
  httpPort: number,
  launch: ServiceLaunch = 'sources',
): SpawnedService => {
  let output = '';
  let stderr = '';
  let firstStderrAt: number | undefined;
  const spawnedAt = Date.now();
  const [command, args] = commandFor(service, launch);
  // The build's script replaces itself with node (exec), so the child's PID is the service's.
  const child = spawn(command, args, {
    cwd: REPO,
    env: { ...UNTHROTTLED, ...inheritedEnv(), ...env, SERVICE: service, HTTP_PORT: String(httpPort), LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    firstStderrAt ??= Date.now();
    stderr += chunk.toString();
    output += chunk.toString();
  });
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => resolve((exit = { code, signal, at: Date.now() }))),
  );
  const waitForExit = async (timeoutMs: number): Promise<ProcessExit> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const first = await Promise.race([exited, late]);
    clearTimeout(timer);
    if (first !== 'late') return first;
    child.kill('SIGKILL');
    await exited;
    throw new Error(`${service} (pid ${child.pid}) had not exited within ${timeoutMs} ms; killed it. Output:\n${output}`);
  };
  return {
    pid: child.pid ?? -1,
    spawnedAt,
    output: () => output,
    stderr: () => stderr,
    firstStderrAt: () => firstStderrAt,
    exit: () => exit,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    waitForExit,
  };
};

/** Starts one service as its own OS process, as the distributed mode runs it, and waits for /health. */
export const startServiceProcess = async (
  service: string,
  env: Readonly<Record<string, string>>,
  httpPort: number,
): Promise<ServiceProcess> => serving(service, spawnService(service, env, httpPort), httpPort);

/** A spawned service once its /health answers; it is stopped (and the wait rejects) if it exits or takes over 60 s. */
export const serving = async (service: string, spawned: SpawnedService, httpPort: number): Promise<ServiceProcess> => {
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    spawned.signal('SIGTERM');
    await spawned.waitForExit(10_000).catch(() => undefined);
  };
  try {
    await eventually(async () => {
      const exit = spawned.exit();
      if (exit) throw new Error(`${service} exited with ${exit.code ?? exit.signal}:\n${spawned.output()}`);
      const response = await fetch(`${baseUrl}/health`);
      if (!response.ok) throw new Error(`${service} /health answered ${response.status}`);
    }, { timeoutMs: 60_000, intervalMs: 200 });
  } catch (error) {
    await stop();
    throw error;
  }
  const kill = async () => {
    spawned.signal('SIGKILL');
    await spawned.waitForExit(10_000);
  };
  return { ...spawned, baseUrl, stop, kill };
};
