import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { CollabEvent } from '@collab/contracts';
import { toCollabEvent } from '@collab/messaging';
import { createServiceApp, DATABASE, HostedServices, issueDevToken, loadPlatformConfig, type Audience, type Database } from '@collab/service-kit';
import { eventually, type MovableClock } from '@collab/testing';
import { DataModule } from './data.module';
import { PUBLISHED_FEEDS, type FeedEvent, type FeedService } from './testing/published-feed';

const secret = 'data-e2e-secret-0123456789abcdef';

export interface Caller {
  readonly sub: string;
  readonly roles?: readonly string[];
  readonly audience: Audience;
  readonly partner?: string;
}

export const ANALYST: Caller = { sub: 'analyst-1', roles: ['supervisor'], audience: 'INTERNAL' };
export const AGENT: Caller = { sub: 'agent-1', roles: ['agent'], audience: 'INTERNAL' };

export interface Reply<Body = Record<string, unknown>> {
  readonly status: number;
  readonly type: string | null;
  readonly body: Body;
  readonly text: string;
}

/**
 * DataModule alone, with a clock the spec moves, following three logs the spec feeds with
 * published events (intake's, workflow's and knowledge's, as those services would publish them):
 * the facts come in through the same consumers, typed readers and runtime as in the platform.
 */
export class DataApp {
  private constructor(
    readonly app: INestApplication,
    readonly baseUrl: string,
    private readonly dataDir: string,
  ) {}

  /** Starts on a fresh data folder, or on `dataDir` left by an earlier `stop(true)` (a restart). */
  static async start(clock: MovableClock, dataDir?: string): Promise<DataApp> {
    dataDir ??= await mkdtemp(join(tmpdir(), 'collab-data-'));
    const config = loadPlatformConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: secret, LOG_LEVEL: process.env['DATA_E2E_LOG'] ?? 'silent', DATA_TAG_POLL_MS: '50', GRPC_PORT: '0' });
    const app = await createServiceApp(config, [...PUBLISHED_FEEDS, DataModule], { clock });
    await app.listen(0, '127.0.0.1');
    return new DataApp(app, await app.getUrl(), dataDir);
  }

  /** Stops; `keep` leaves the data folder for a restart and answers its path. */
  async stop(keep = false): Promise<string> {
    await this.app.close();
    if (!keep) await rm(this.dataDir, { recursive: true, force: true });
    return this.dataDir;
  }

  /** A JSON request with a body (PUT, POST). */
  async send<Body = Record<string, unknown>>(caller: Caller, method: string, path: string, body?: unknown): Promise<Reply<Body>> {
    const token = await issueDevToken(secret, { sub: caller.sub, roles: caller.roles ?? [], audience: caller.audience, partner: caller.partner });
    const response = await fetch(`${this.baseUrl}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? null : JSON.stringify(body), signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    return { status: response.status, type: response.headers.get('content-type'), body: (json ? JSON.parse(text) : {}) as Body, text };
  }

  /** Appends the events, in order, to the logs of the services that would publish them. */
  async feed(...events: readonly (FeedEvent | readonly FeedEvent[])[]): Promise<void> {
    const hosted = this.app.get(HostedServices);
    for (const event of events.flat()) {
      const store = hosted.get(event.service)!.store;
      const metadata = { correlationId: event.id, actor: { id: 'spec', kind: 'system' as const }, occurredAt: new Date().toISOString() };
      await store.append(event.stream, [{ id: event.id, type: event.type, data: event.data, metadata }], 'any');
    }
  }

  /** How many facts are stored: the spec waits for what it fed. */
  async facts(): Promise<number> {
    const { rows } = await this.query<{ count: number }>('select count(*)::int as count from data.fact');
    return rows[0]?.count ?? 0;
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<{ rows: Row[] }> {
    const { rows } = await this.app.get<Database>(DATABASE).pool.query(sql, params);
    return { rows: rows as Row[] };
  }

  /** Hands every event of a log to the consumer again, as an at-least-once transport may. */
  async redeliver(service: FeedService, consumer: { on(event: CollabEvent): Promise<void> }): Promise<void> {
    const hosted = this.app.get(HostedServices).get(service)!;
    for (const recorded of await hosted.store.readAll({ after: 0n, maxCount: 10_000 })) await consumer.on(toCollabEvent(hosted.contract, recorded));
  }

  async untilFacts(count: number): Promise<void> {
    await eventually(async () => {
      const stored = await this.facts();
      if (stored < count) throw new Error(`${stored} of ${count} facts stored`);
    }, { timeoutMs: 15_000 });
  }

  async call<Body = Record<string, unknown>>(caller: Caller | undefined, path: string, headers: Record<string, string> = {}): Promise<Reply<Body>> {
    const authorization: Record<string, string> = caller
      ? { authorization: `Bearer ${await issueDevToken(secret, { sub: caller.sub, roles: caller.roles ?? [], audience: caller.audience, partner: caller.partner })}` }
      : {};
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { ...headers, ...authorization }, signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    return { status: response.status, type: response.headers.get('content-type'), body: (json ? JSON.parse(text) : {}) as Body, text };
  }
}
