import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EventStore } from '@collab/event-store';
import type { PublishedProcess } from '@collab/workflow-domain';
import {
  DATABASE,
  EVENT_STORE,
  type Database,
  ServiceStoreModule,
  createServiceApp,
  issueDevToken,
  loadPlatformConfig,
  type Clock,
} from '@collab/service-kit';
import { ServicePromises } from '../acknowledgement/service-promises';
import { WorkflowProcessCatalogue } from '../acknowledgement/workflow-processes/workflow-process-catalogue';
import { WorkflowProcessesConsumer } from '../acknowledgement/workflow-processes/workflow-processes.consumer';
import {
  CHANNEL_CONTROLLERS,
  CHANNEL_ENTITIES,
  CHANNEL_PROVIDERS,
  ChannelDirectory,
} from '../channels/channels.providers';
import { INTAKE_MIGRATIONS } from '../migrations/intake.migrations';
import { intakeContract } from '../intake.contract';
import { CALENDAR_LOOKUP, CHANNEL_LOOKUP } from '../intake.ports';
import { CALENDAR_CONTROLLERS, CALENDAR_PROVIDERS, CalendarDirectory } from './calendars.providers';

/**
 * IntakeModule's calendars and ports, bound as it binds them, with the real channel registry the
 * what-if resolves channels in and the ServicePromises the acknowledgement uses. Workflow does not
 * run here: what it published reaches intake's copy of its catalogue through `givenWorkflowPublished`.
 */
@Module({
  imports: [
    CqrsModule,
    ServiceStoreModule.forService(intakeContract, { migrations: INTAKE_MIGRATIONS }),
    TypeOrmModule.forFeature([...CHANNEL_ENTITIES]),
  ],
  controllers: [...CHANNEL_CONTROLLERS, ...CALENDAR_CONTROLLERS],
  providers: [
    ...CHANNEL_PROVIDERS,
    { provide: CHANNEL_LOOKUP, useExisting: ChannelDirectory },
    ...CALENDAR_PROVIDERS,
    { provide: CALENDAR_LOOKUP, useExisting: CalendarDirectory },
    ServicePromises,
    WorkflowProcessCatalogue,
  ],
})
class CalendarsTestModule {}

const secret = 'calendars-e2e-secret-0123456789-abcdef';

/** `Body` is what the test expects back; the assertions, not the type, check it. */
export interface Answer<Body = unknown> {
  readonly status: number;
  readonly type: string | null;
  readonly etag: string | null;
  readonly body: Body;
}

export interface CallOptions {
  readonly token?: string | undefined;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface CalendarsAppOptions {
  /** The service's clock (a MovableClock where time matters); the system clock otherwise. */
  readonly clock?: Clock;
  readonly env?: Record<string, string>;
}

/** Intake's calendars on PGlite in a temporary folder, reached through REST only (and its log, to see what was stored). */
export class CalendarsApp {
  private app?: INestApplication;
  private baseUrl = '';

  private constructor(
    private readonly dataDir: string,
    private readonly options: CalendarsAppOptions,
  ) {}

  static async start(options: CalendarsAppOptions = {}): Promise<CalendarsApp> {
    const app = new CalendarsApp(await mkdtemp(join(tmpdir(), 'collab-calendars-')), options);
    await app.restart();
    return app;
  }

  /** Closes and starts again on the same data folder, as a redeploy would. */
  async restart(): Promise<void> {
    await this.app?.close();
    const config = loadPlatformConfig({
      DATA_DIR: this.dataDir,
      AUTH_JWT_SECRET: secret,
      LOG_LEVEL: 'silent',
      GRPC_PORT: '0',
      ...this.options.env,
    });
    this.app = await createServiceApp(
      config,
      [CalendarsTestModule],
      this.options.clock ? { clock: this.options.clock } : undefined,
    );
    await this.app.listen(0, '127.0.0.1');
    this.baseUrl = await this.app.getUrl();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  get nest(): INestApplication {
    if (!this.app) throw new Error('not started');
    return this.app;
  }

  get store(): EventStore {
    return this.nest.get<EventStore>(EVENT_STORE);
  }

  /** Workflow published this process version: delivered to intake's consumer as workflow's topic would carry it. */
  async givenWorkflowPublished(process: PublishedProcess): Promise<void> {
    const consumer = new WorkflowProcessesConsumer(
      { consume: () => Promise.reject(new Error('workflow does not run here')) },
      this.nest.get<Database>(DATABASE),
      this.nest.get(WorkflowProcessCatalogue),
    );
    await consumer.on({
      specversion: '1.0',
      id: randomUUID(),
      source: '/collab/workflow',
      type: 'collab.workflow.ProcessVersionPublished.v1',
      subject: `process-${process.processId}`,
      time: process.publishedAt,
      datacontenttype: 'application/json',
      dataschema: 'urn:collab:schema:workflow:ProcessVersionPublished:v1',
      data: { process, actor: { id: 'admin-1', kind: 'user' }, reason: null },
      streamversion: process.version,
      position: '0',
      correlationid: randomUUID(),
      actor: 'user:admin-1',
    });
  }

  token(sub: string, roles: string[]): Promise<string> {
    return issueDevToken(secret, { sub, roles, audience: 'INTERNAL' });
  }

  async call<Body = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Answer<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      body: (text ? JSON.parse(text) : undefined) as Body,
    };
  }
}
