import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ServiceName } from '@collab/contracts';
import { commitChannel, PostgresEventStore } from '@collab/event-store';
import {
  CheckpointCommitter,
  CommitListener,
  FollowerRunner,
  PROJECTION_FLUSH,
  ProjectionGroup,
  REACTOR_FLUSH,
  Reactor,
  type FollowerDefinition,
  type FollowerStatus,
  type Leases,
  type Transactor,
} from '@collab/following';
import type { PlatformConfig } from '../../config/platform.config';
import type { Database } from '../database';
import { HostedServices } from '../hosted-services';
import { DATABASE, PLATFORM_CONFIG } from '../tokens';
import { LogReactor, Projection } from './followers';
import { LEASES } from './leases.provider';

/** Nest's logger speaks (message) or (object); the runtime logs (context, message). */
export const followerLogger = (logger: Logger) => ({
  warn: (context: Record<string, unknown>, message: string) => logger.warn({ ...context, msg: message }),
  error: (context: Record<string, unknown>, message: string) => logger.error({ ...context, msg: message }),
});

/**
 * Runs every follower this process hosts (DESIGN §3 "Following a log"): the projections of each
 * service as one group, each log reactor, and whatever the messaging side registers (log-fed
 * consumers, relays). Each waits for its lease, so on N replicas each runs on exactly one; request
 * handlers are untouched and serve on all. Stops before the stores close, saving checkpoints and
 * giving leases back.
 */
@Injectable()
export class FollowerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Followers');
  private readonly runners: FollowerRunner[] = [];
  /** Per home: the lazy checkpoint saves of its process managers, consumers and relays, one statement per tick. */
  private readonly committers = new Map<string, CheckpointCommitter>();
  private listener: CommitListener | undefined;
  private stopped = false;

  // Injected as properties: the host needs the runtime's database, lease keeper, TypeORM source and settings.
  @Inject(DATABASE) private readonly database!: Database;
  @Inject(LEASES) private readonly leases!: Leases;
  @InjectDataSource() private readonly dataSource!: DataSource;
  @Inject(PLATFORM_CONFIG) private readonly config!: PlatformConfig;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly hosted: HostedServices,
  ) {}

  onApplicationBootstrap(): void {
    this.listenForCommits();
    const instances = this.discovery.getProviders().map((wrapper) => wrapper.instance as unknown);
    const projections = instances.filter((instance): instance is Projection => instance instanceof Projection);
    const reactors = instances.filter((instance): instance is LogReactor => instance instanceof LogReactor);
    const transaction: Transactor<EntityManager> = (work) => this.dataSource.transaction((manager) => work(manager, manager));
    for (const log of new Set(projections.map((projection) => projection.log))) {
      const group = projections.filter((projection) => projection.log === log);
      this.run({ name: `projections:${log}`, home: log, handler: new ProjectionGroup(log, group, transaction), flush: PROJECTION_FLUSH }, log);
    }
    for (const reactor of reactors)
      this.run({ name: reactor.name, home: reactor.log, handler: new Reactor(reactor.log, reactor, this.database.pool, followerLogger(this.logger)), flush: REACTOR_FLUSH }, reactor.log);
  }

  /** Starts a follower of `log` under its lease; the messaging side runs its consumers and relays through here too. */
  run(definition: FollowerDefinition, log: ServiceName): FollowerRunner {
    const service = this.hosted.get(log);
    if (!service) throw new Error(`${definition.name} follows ${log}'s log, which this process does not host`);
    const committer = definition.flush === REACTOR_FLUSH ? this.committerOf(definition.home) : undefined;
    const runner = new FollowerRunner(definition, {
      log,
      reader: service.reader,
      leases: this.leases,
      db: this.database.pool,
      logger: followerLogger(this.logger),
      ...(committer ? { committer } : {}),
    });
    this.runners.push(runner);
    if (!this.stopped) runner.start();
    return runner;
  }

  private committerOf(home: string): CheckpointCommitter {
    const committer = this.committers.get(home) ?? new CheckpointCommitter(home, this.database.pool, REACTOR_FLUSH.afterMs);
    this.committers.set(home, committer);
    return committer;
  }

  /**
   * Distributed, other processes append too: a session of its own LISTENs to the commits of every
   * log this process follows and wakes their readers (embedded, every commit is this process's own).
   */
  private listenForCommits(): void {
    if (this.database.embedded || !this.config.DATABASE_URL) return;
    const channels = new Map(
      this.hosted
        .all()
        .flatMap(({ store }) => (store instanceof PostgresEventStore ? [[commitChannel(store.schema), store.commits] as const] : [])),
    );
    if (channels.size === 0) return;
    this.listener = new CommitListener({
      // A database that does not answer fails the attempt in seconds, so the listener retries rather than waits forever.
      connection: { connectionString: this.config.DATABASE_URL, connectionTimeoutMillis: 3_000 },
      channels,
      onError: (error) => this.logger.warn({ msg: 'commit listener lost its session; reconnecting (readers poll meanwhile)', error: (error as Error).message }),
    });
    this.listener.start();
  }

  statuses(): FollowerStatus[] {
    return this.runners.map((runner) => runner.status());
  }

  /** Lets the batch in hand finish, saves every checkpoint, gives the leases back. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.leases.stop();
    await this.listener?.stop();
  }
}
