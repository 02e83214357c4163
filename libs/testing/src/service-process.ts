import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './eventually';

const REPO = join(__dirname, '..', '..', '..');

export interface ServiceProcess {
  readonly baseUrl: string;
  readonly output: () => string;
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

/** Starts one service as its own OS process, as the distributed mode runs it, and waits for /health. */
export const startServiceProcess = async (
  service: string,
  env: Readonly<Record<string, string>>,
  httpPort: number,
): Promise<ServiceProcess> => {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', './tools/register.js', `apps/${service}/src/main.ts`], {
    cwd: REPO,
    env: { ...inheritedEnv(), ...env, SERVICE: service, HTTP_PORT: String(httpPort), LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode}:\n${output}`);
      const response = await fetch(`${baseUrl}/health`);
      if (!response.ok) throw new Error(`${service} /health answered ${response.status}`);
    }, { timeoutMs: 60_000, intervalMs: 200 });
  } catch (error) {
    await stop();
    throw error;
  }
  const kill = async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { baseUrl, output: () => output, stop, kill };
};
