import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadProtos } from '@collab/contracts';
import { GrpcServer, HostedServices, createServiceApp, issueDevToken, loadPlatformConfig, type Audience, type Clock } from '@collab/service-kit';
import { MovableClock, TEST_MONDAY_MORNING, UNTHROTTLED, platformClient, type PlatformClient } from '@collab/testing';
import { PLATFORM_MODULES } from '../platform.modules';
import { copyPlatformTemplate, startsLikeTheTemplate } from './platform-template';

export interface Caller {
  readonly sub: string;
  readonly audience: Audience;
  readonly roles?: readonly string[];
  readonly partner?: string;
  /** The org unit staff work for (department staff, agents). */
  readonly unit?: string;
}

export interface CallResult {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly contentType: string | null;
}

export { MovableClock } from '@collab/testing';

const secret = 'platform-e2e-secret-0123456789-abcdef';

/**
 * The whole platform embedded on PGlite in a temporary folder, on free ports, reached only
 * through its public REST and gRPC surface (plus the intake log, to prove nothing was stored).
 */
export class EmbeddedPlatform {
  private constructor(
    readonly app: INestApplication,
    readonly baseUrl: string,
    private readonly dataDir: string,
    private readonly started: { readonly env: Record<string, string>; readonly clock: Clock },
  ) {}

  static async start(env: Record<string, string> = {}, clock: Clock = new MovableClock(TEST_MONDAY_MORNING)): Promise<EmbeddedPlatform> {
    const dataDir = await mkdtemp(join(tmpdir(), 'collab-platform-'));
    if (startsLikeTheTemplate(env, clock)) {
      await copyPlatformTemplate(dataDir, async (folder, madeBy) => (await EmbeddedPlatform.startOn(folder, env, madeBy)).app);
    }
    return EmbeddedPlatform.startOn(dataDir, env, clock);
  }

  /** The platform on an existing data folder (which `stop` then removes). */
  /** Without a clock of the test's own, time starts at a fixed Monday morning: no test depends on when it runs. */
  static async startOn(dataDir: string, env: Record<string, string> = {}, clock: Clock = new MovableClock(TEST_MONDAY_MORNING)): Promise<EmbeddedPlatform> {
    const config = loadPlatformConfig({ ...UNTHROTTLED, DATA_DIR: dataDir, AUTH_JWT_SECRET: secret, LOG_LEVEL: 'silent', GRPC_PORT: '0', ...env });
    const app = await createServiceApp(config, PLATFORM_MODULES, { clock });
    await app.listen(0, '127.0.0.1');
    return new EmbeddedPlatform(app, await app.getUrl(), dataDir, { env, clock });
  }

  /**
   * A service restart: closes this process gracefully, keeping its data folder, runs `whileDown`
   * (e.g. moving the clock), and starts a new process on the same folder, settings and clock.
   * Use the platform it answers from then on.
   */
  async restart(whileDown?: () => void | Promise<void>): Promise<EmbeddedPlatform> {
    await this.app.close();
    await whileDown?.();
    return EmbeddedPlatform.startOn(this.dataDir, this.started.env, this.started.clock);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  token(caller: Caller): Promise<string> {
    return issueDevToken(secret, { sub: caller.sub, roles: caller.roles ?? [], audience: caller.audience, partner: caller.partner, unit: caller.unit });
  }

  /** The REST client generated from the OpenAPI document, as `caller` (or anonymous). */
  api(caller?: Caller, headers?: Record<string, string>): PlatformClient {
    return platformClient({ baseUrl: this.baseUrl, ...(caller ? { token: () => this.token(caller) } : {}), ...(headers ? { headers } : {}) });
  }

  async call(method: string, path: string, options: { caller?: Caller; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<CallResult> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.caller) headers['authorization'] = `Bearer ${await this.token(options.caller)}`;
    if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, contentType: response.headers.get('content-type') };
  }

  /** The position of intake's log: unchanged means nothing was stored. */
  intakeHead(): Promise<bigint> {
    return this.app.get(HostedServices).get('intake')!.store.headPosition();
  }

  /** A unary call to `collab.intake.v1.IntakeService`, answering the response or the gRPC error. */
  async intakeGrpc<Response>(method: 'SubmitContact' | 'GetCase', request: object, caller: Caller): Promise<{ response?: Response; error?: ServiceError }> {
    const { intake } = loadProtos();
    const client = new intake.IntakeService(`127.0.0.1:${this.app.get(GrpcServer).port!}`, credentials.createInsecure());
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${await this.token(caller)}`);
    try {
      return await new Promise((resolve) => {
        const callback = (error: ServiceError | null, response?: Response) => resolve(error ? { error } : { response: response! });
        (client[method] as unknown as (r: object, m: Metadata, cb: typeof callback) => void).call(client, request, metadata, callback);
      });
    } finally {
      client.close();
    }
  }
}
