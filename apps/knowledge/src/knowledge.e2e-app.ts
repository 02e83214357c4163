import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { asIs, caseResolvedV1, loadProtos, serviceContract, workflowLanguage, type CollabEvent } from '@collab/contracts';
import type { EventStore } from '@collab/event-store';
import { articleStreamId } from '@collab/knowledge-domain';
import { toCollabEvent } from '@collab/messaging';
import { EVENT_STORE, GrpcServer, HostedServices, ServiceStoreModule, createServiceApp, issueDevToken, loadPlatformConfig } from '@collab/service-kit';
import { MovableClock, eventually, freshDatabase, type FreshDatabase } from '@collab/testing';
import { KnowledgeModule } from './knowledge.module';

/** A stand-in for workflow's log, fed by the specs with CaseResolved as workflow publishes it (no workflow code runs). */
const resolvedAsIs = asIs(caseResolvedV1);
const workflowFeed = serviceContract<{ readonly type: 'CaseResolved'; readonly data: Parameters<typeof resolvedAsIs>[0] }>(workflowLanguage, { CaseResolved: resolvedAsIs });
@Module({ imports: [ServiceStoreModule.forService(workflowFeed)] })
class WorkflowFeed {}

const secret = 'knowledge-e2e-secret-0123456789ab';

export type Answer = Record<string, unknown> & { errors?: { field: string; message: string }[] };
export interface Reply<Body = Answer> {
  status: number;
  type: string | null;
  body: Body;
}

/** The callers the knowledge specs use: two editors, a reviewer, staff, a customer and two partners' agents. */
const CALLERS = {
  editor: { sub: 'editor-1', roles: ['editor'], audience: 'INTERNAL' },
  editor2: { sub: 'editor-2', roles: ['editor', 'reviewer'], audience: 'INTERNAL' },
  reviewer: { sub: 'reviewer-1', roles: ['reviewer'], audience: 'INTERNAL' },
  staff: { sub: 'agent-1', roles: ['agent'], audience: 'INTERNAL' },
  customer: { sub: 'customer-1', roles: ['customer'], audience: 'EXTERNAL' },
  reseller1: { sub: 'partner-agent-1', roles: ['partner-agent'], audience: 'PARTNER', partner: 'reseller-1' },
  reseller2: { sub: 'partner-agent-2', roles: ['partner-agent'], audience: 'PARTNER', partner: 'reseller-2' },
} as const;
export type Caller = keyof typeof CALLERS;

export type Storage = 'embedded' | 'PostgreSQL';

export interface GrpcAnswer<Response> {
  readonly response?: Response;
  readonly error?: ServiceError;
}

/**
 * KnowledgeModule alone, with a clock the spec moves: on an embedded database in a fresh folder,
 * or on a fresh PostgreSQL database (TEST_DATABASE_URL's server) to show both answer the same.
 */
export class KnowledgeApp {
  private constructor(
    private readonly app: INestApplication,
    private readonly baseUrl: string,
    private readonly tokens: Record<Caller, string>,
    private readonly storage: { readonly dataDir: string; readonly database: FreshDatabase | undefined },
  ) {}

  static async start(clock: MovableClock, storage: Storage = 'embedded'): Promise<KnowledgeApp> {
    const dataDir = await mkdtemp(join(tmpdir(), 'collab-knowledge-'));
    const database = storage === 'PostgreSQL' ? await freshDatabase('collab_knowledge') : undefined;
    return KnowledgeApp.open(clock, { dataDir, database });
  }

  private static async open(clock: MovableClock, storage: KnowledgeApp['storage']): Promise<KnowledgeApp> {
    const config = loadPlatformConfig({
      DATA_DIR: storage.dataDir,
      AUTH_JWT_SECRET: secret,
      LOG_LEVEL: process.env['KNOWLEDGE_E2E_LOG'] ?? 'silent',
      KNOWLEDGE_TIMER_POLL_MS: '50',
      GRPC_PORT: '0',
      ...(storage.database ? { DATABASE_URL: storage.database.url } : {}),
    });
    const app = await createServiceApp(config, [WorkflowFeed, KnowledgeModule], { clock });
    await app.listen(0, '127.0.0.1');
    const entries = await Promise.all(Object.entries(CALLERS).map(async ([name, claims]) => [name, await issueDevToken(secret, claims)] as const));
    return new KnowledgeApp(app, await app.getUrl(), Object.fromEntries(entries) as Record<Caller, string>, storage);
  }

  /** The same storage in a new process-like app: what was recorded and scheduled survives, nothing in memory does. */
  async restart(clock: MovableClock, meanwhile?: () => void): Promise<KnowledgeApp> {
    await this.app.close();
    meanwhile?.();
    return KnowledgeApp.open(clock, this.storage);
  }

  /** The types of the events on an article's stream, in order. */
  async eventTypesOf(articleId: string): Promise<string[]> {
    return (await this.recorded(articleStreamId(articleId))).map((event) => event.type);
  }

  /** A stream's events as recorded (type and data). */
  async recorded(streamId: string): Promise<{ type: string; data: unknown }[]> {
    const events = await this.app.get<EventStore>(EVENT_STORE).readStream(streamId);
    return events.map(({ type, data }) => ({ type, data }));
  }

  /** `collab.knowledge.v1.KnowledgeService` as `caller`, over a client built from proto/. */
  async grpc<Response>(caller: Caller, method: 'Search' | 'GetArticle' | 'Suggest' | 'GetArticleEffectiveness', request: object): Promise<GrpcAnswer<Response>> {
    const { knowledge } = loadProtos();
    const client = new knowledge.KnowledgeService(`127.0.0.1:${this.app.get(GrpcServer).port!}`, credentials.createInsecure());
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${this.tokens[caller]}`);
    try {
      return await new Promise((resolve) => {
        const callback = (error: ServiceError | null, response?: Response) => resolve(error ? { error } : { response: response! });
        (client[method] as unknown as (r: object, m: Metadata, cb: typeof callback) => void).call(client, request, metadata, callback);
      });
    } finally {
      client.close();
    }
  }

  /** Workflow resolving a case citing `articleIds`: appended to the stand-in log, answered as knowledge's consumer receives it. */
  async caseResolved(articleIds: readonly string[], caseId: string = randomUUID()): Promise<CollabEvent> {
    const { store } = this.app.get(HostedServices).get('workflow')!;
    const data = { caseId, resolutionCode: 'EXPLAINED', knowledgeArticleIds: [...articleIds], note: '', actor: { id: 'agent-1', kind: 'user' }, resolvedAt: '2026-11-20T10:00:00.000Z' };
    const streamId = `case-${caseId}`;
    await store.append(streamId, [{ id: randomUUID(), type: 'CaseResolved', data, metadata: { correlationId: randomUUID(), actor: { id: 'agent-1', kind: 'user' } } }], 'any');
    const [recorded] = await store.readStream(streamId);
    return toCollabEvent(workflowFeed, recorded!);
  }

  /** A provider of the app (a consumer, to hand it a message again as a redelivery would). */
  get<T>(type: new (...args: never[]) => T): T {
    return this.app.get(type);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.storage.database?.drop();
    await rm(this.storage.dataDir, { recursive: true, force: true });
  }

  async call<Body = Answer>(caller: Caller | undefined, method: string, path: string, body?: unknown): Promise<Reply<Body>> {
    const headers: Record<string, string> = caller ? { authorization: `Bearer ${this.tokens[caller]}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/api/v1/knowledge${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(10_000) });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Body };
  }

  /** Drafted by editor-1, submitted, approved by reviewer-1: the article's id. */
  async publish(content: Record<string, unknown>): Promise<string> {
    const drafted = await this.call('editor', 'POST', '/articles', content);
    if (drafted.status !== 201) throw new Error(`draft refused: ${JSON.stringify(drafted.body)}`);
    const id = String(drafted.body['id']);
    await this.expect(this.call('editor', 'POST', `/articles/${id}/submit`), 200);
    await this.expect(this.call('reviewer', 'POST', `/articles/${id}/approve`), 200);
    return id;
  }

  /** Search follows the log a moment behind: asks until the answer satisfies `until`. */
  searchUntil<Body = Answer>(caller: Caller, query: string, until: (reply: Reply<Body>) => boolean): Promise<Reply<Body>> {
    return eventually(async () => {
      const reply = await this.call<Body>(caller, 'GET', `/search?${query}`);
      if (!until(reply)) throw new Error(`search ${query} answered ${JSON.stringify(reply.body)}`);
      return reply;
    }, { timeoutMs: 10_000 });
  }

  private async expect(reply: Promise<Reply>, status: number): Promise<void> {
    const { status: actual, body } = await reply;
    if (actual !== status) throw new Error(`expected ${status}, got ${actual}: ${JSON.stringify(body)}`);
  }
}
