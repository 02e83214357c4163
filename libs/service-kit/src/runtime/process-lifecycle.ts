import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { Database } from './database';
import { GrpcServer } from './grpc-server';
import { closeHttpServer, type HttpDrain } from './http-drain';
import { startFailureReason } from './start-failure';

/** Every wait of a start or a stop is bounded, so an orchestrator always sees the process end. */
export const LIFECYCLE_BOUNDS = {
  /** What a failed start (or a stop before the start finished) may spend closing what it opened. */
  cleanupMs: 5_000,
  /** How long requests admitted before a stop may take to be answered. */
  httpSettleMs: 10_000,
  /**
   * The listener stays open at least this long after the signal, so clients that have not heard
   * of the stop yet get a 503 with Retry-After rather than a refused connection.
   */
  httpMinDrainMs: 1_000,
  /** Once the listener is closed: how long open connections may still bring a request, and when what is left is cut. */
  httpClose: { idleGraceMs: 300, timeoutMs: 2_000 },
  /** The whole stop, under Kubernetes' default 30 s grace period; past it the process exits 1. */
  stopMs: 25_000,
  /**
   * A signal repeated sooner is the same stop: Ctrl-C reaches both npm and the process, and npm
   * forwards it as well. A later one is an impatient operator, and the process exits at once.
   */
  repeatMs: 1_000,
} as const;

type Phase = 'starting' | 'running' | 'stopping';

const within = async (ms: number, work: () => Promise<unknown>): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work().catch(() => undefined), bound]);
  clearTimeout(timer);
};

/**
 * Start, stop and failure of one service process. A start that fails prints one line to stderr
 * naming why and exits 1 within `cleanupMs`; SIGTERM or SIGINT drains (HTTP and gRPC take no new
 * work, admitted requests are answered), then Nest's shutdown hooks run (followers stop and
 * commit), then the process exits 0; a second signal, or a stop past `stopMs`, exits 1 at once.
 */
export class ProcessLifecycle {
  private phase: Phase = 'starting';
  private signalledAt: number | undefined;
  private database: Database | undefined;
  private app: INestApplication | undefined;

  constructor(
    private readonly service: string,
    private readonly log: Logger,
    private readonly drain: HttpDrain,
  ) {}

  watchSignals(): this {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void this.onSignal(signal));
    return this;
  }

  opened(database: Database): void {
    this.database = database;
  }

  built(app: INestApplication): void {
    this.app = app;
  }

  running(): void {
    if (this.phase === 'starting') this.phase = 'running';
  }

  /** One line on stderr, what was opened closed (bounded), exit 1. */
  async failStart(error: unknown): Promise<never> {
    if (this.phase === 'stopping') return new Promise<never>(() => undefined); // a signal is already ending the process
    this.phase = 'stopping';
    process.stderr.write(`${this.service} could not start: ${startFailureReason(error)}\n`);
    this.log.error({ err: error }, 'could not start');
    await within(LIFECYCLE_BOUNDS.cleanupMs, () => this.closeOpened());
    return process.exit(1);
  }

  private async onSignal(signal: NodeJS.Signals): Promise<void> {
    if (this.phase === 'stopping') return this.repeated(signal);
    this.signalledAt = Date.now();
    const app = this.phase === 'running' ? this.app : undefined;
    this.phase = 'stopping';
    setTimeout(() => {
      this.log.error(
        { signal, boundMs: LIFECYCLE_BOUNDS.stopMs },
        'the stop did not finish in time; exiting',
      );
      process.exit(1);
    }, LIFECYCLE_BOUNDS.stopMs).unref();
    try {
      if (app) await this.stop(app, signal);
      else await within(LIFECYCLE_BOUNDS.cleanupMs, () => this.closeOpened());
    } catch (error) {
      this.log.error({ err: error, signal }, 'the stop failed; exiting');
      process.exit(1);
    }
    this.log.info({ signal }, 'stopped');
    process.exit(0);
  }

  private repeated(signal: NodeJS.Signals): void {
    if (this.signalledAt === undefined || Date.now() - this.signalledAt < LIFECYCLE_BOUNDS.repeatMs) return;
    this.log.warn({ signal }, 'second signal: exiting without waiting for the stop to finish');
    process.exit(1);
  }

  /** HTTP and gRPC first (so nothing admitted meets a closed store), then Nest's shutdown hooks. */
  private async stop(app: INestApplication, signal: NodeJS.Signals): Promise<void> {
    this.log.info({ signal }, 'stopping: no new requests, answering those already admitted');
    this.drain.start();
    await Promise.all([
      this.drain.settled(LIFECYCLE_BOUNDS.httpSettleMs),
      app.get(GrpcServer).drain(),
      new Promise((resolve) => setTimeout(resolve, LIFECYCLE_BOUNDS.httpMinDrainMs)),
    ]);
    await closeHttpServer(app.getHttpServer() as Server, LIFECYCLE_BOUNDS.httpClose);
    this.log.info({ ...this.drain.report }, 'requests drained; running shutdown hooks');
    await app.close();
  }

  private async closeOpened(): Promise<void> {
    // The app first (its hooks stop what it started, and close the database too); the database
    // directly as well, in case the app was never built or its close hangs.
    await within(LIFECYCLE_BOUNDS.cleanupMs * 0.7, async () => this.app?.close());
    await this.database?.close();
  }
}
