import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);
const REPO = join(__dirname, '..', '..', '..');
const SCRIPT = join(REPO, 'scripts', 'kafka.sh');

/**
 * A broker of one test's own (scripts/kafka.sh with a private KAFKA_HOME_DIR on free ports, the
 * jars shared with the repo's broker), so the test can stop it and start it again — the same
 * ports, the same data — without touching the broker every other spec uses. kafka.sh stops only
 * the pid in that home dir's pid file.
 */
export class PrivateKafkaBroker {
  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly homeDir: string,
    /** host:port for KAFKA_BROKERS. */
    readonly address: string,
  ) {}

  static async create(): Promise<PrivateKafkaBroker> {
    const homeDir = await mkdtemp(join(tmpdir(), 'collab-kafka-private-'));
    const [port, controllerPort] = [await freePort(), await freePort()];
    const env = {
      ...process.env,
      KAFKA_HOME_DIR: homeDir,
      KAFKA_LIB_DIR: process.env['KAFKA_LIB_DIR'] ?? join(REPO, '.kafka', 'lib'),
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
    };
    return new PrivateKafkaBroker(env, homeDir, `127.0.0.1:${port}`);
  }

  /** Starts it (or again, on its data) and waits until it serves. */
  async start(): Promise<void> {
    await run('bash', [SCRIPT, 'start'], { env: this.env, timeout: 120_000 });
  }

  /** The broker's pid while it runs (from its own pid file). */
  async pid(): Promise<number | undefined> {
    const text = await readFile(join(this.homeDir, 'kafka.pid'), 'utf8').catch(() => undefined);
    return text === undefined ? undefined : Number(text.trim());
  }

  /** A controlled stop (TERM, KILL after `timeoutSeconds`), of this broker's pid only. */
  async stop(timeoutSeconds = 30): Promise<void> {
    await run('bash', [SCRIPT, 'stop'], { env: { ...this.env, KAFKA_STOP_TIMEOUT: String(timeoutSeconds) }, timeout: (timeoutSeconds + 30) * 1000 });
  }

  /** Stops it and removes its data. */
  async destroy(): Promise<void> {
    await this.stop(10).catch(() => undefined);
    await rm(this.homeDir, { recursive: true, force: true });
  }
}
