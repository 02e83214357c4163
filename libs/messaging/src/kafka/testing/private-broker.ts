import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '..', '..', '..', '..', '..', 'scripts', 'kafka.sh');

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/**
 * A broker of the test's own, started through scripts/kafka.sh with its own home dir and ports, so
 * a test may stop and restart it without touching the shared broker other suites use.
 */
export class PrivateBroker {
  private constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly homeDir: string,
    readonly address: string,
  ) {}

  static async create(): Promise<PrivateBroker> {
    const homeDir = await mkdtemp(join(tmpdir(), 'collab-kafka-'));
    const [port, controllerPort] = [await freePort(), await freePort()];
    const env = { ...process.env, KAFKA_HOME_DIR: homeDir, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort) };
    return new PrivateBroker(env, homeDir, `127.0.0.1:${port}`);
  }

  async start(): Promise<void> {
    await run('bash', [SCRIPT, 'start'], { env: this.env, timeout: 120_000 });
  }

  async stop(): Promise<void> {
    await run('bash', [SCRIPT, 'stop'], { env: this.env, timeout: 60_000 });
  }

  /** Stops the broker and removes its data. */
  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.homeDir, { recursive: true, force: true });
  }
}
