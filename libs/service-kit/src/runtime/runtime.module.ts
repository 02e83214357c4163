import {
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ZodValidationPipe } from 'nestjs-zod';
import type { Logger } from 'pino';
import { sharedPoolDriver } from '@collab/event-store';
import { EVENT_CONSUMER } from '@collab/messaging';
import { AuthGuard } from '../auth/auth.guard';
import { FollowedRoleGrants } from '../auth/followed-role-grants';
import { SafeTextPipe } from '../http/safe-text';
import { AUTHENTICATOR } from '../auth/principal';
import { rateLimitSettingsOf, type PlatformConfig } from '../config/platform.config';
import { RateLimitGuard, throttlerOptionsOf } from '../rate-limit/rate-limit.guard';
import { ClientRateLimits, RATE_LIMIT_SETTINGS } from '../rate-limit/client-rate-limits';
import { HealthController } from '../health/health.controller';
import { Readiness } from '../health/readiness';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { REQUEST_DEADLINE_MS, RequestDeadlineInterceptor } from '../http/request-deadline.interceptor';
import { AnswerCheckInterceptor } from '../http/answers/answer-check.interceptor';
import { testHooksAllowed } from './test-hooks/test-hooks';
import { createRootLogger, loggingModule, routeMessagingLogsTo } from '../logging/logging';
import type { Tracing } from '../tracing/tracing';
import { HttpMetricsMiddleware, MetricsController, MetricsRegistry } from '../metrics/metrics';
import { createAuthenticator } from './auth.provider';
import { openDatabase, type Database } from './database';
import { HostedServices } from './hosted-services';
import { createEventConsumer, RelayRunner } from './messaging.providers';
import { GrpcServer, GrpcServices } from './grpc-server';
import { DeadLettersHttp } from './following/dead-letters.http';
import { FollowerHost } from './following/follower-host';
import { FollowerMetrics } from './following/follower-metrics';
import { leasesProvider } from './following/leases.provider';
import { ReadinessChecks } from './readiness-checks';
import { CLOCK, DATABASE, PLATFORM_CONFIG, systemClock, type Clock } from './tokens';

@Module({})
class DatabaseModule {}

const TRACING = Symbol('TRACING');

/**
 * Closes what the runtime opened, last: stores after consumers stopped, the pool after the stores,
 * and the tracing SDK (flushing the spans of the stop itself) at the very end.
 */
@Injectable()
class RuntimeShutdown implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly hosted: HostedServices,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(TRACING) private readonly tracing: Tracing | null,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.hosted.all().map(({ store }) => store.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
    await this.tracing?.shutdown();
  }
}

export interface RuntimeOptions {
  readonly clock?: Clock;
  /** The process's pino logger; runService makes it before Nest so a failed start can use it. */
  readonly logger?: Logger;
  /** A database runService opened already (so a failed start can close it); else opened here. */
  readonly database?: Database;
  /** The tracing SDK runService started (OTEL_EXPORTER_OTLP_ENDPOINT), shut down with the app. */
  readonly tracing?: Tracing;
}

/** Everything a service process needs around its modules: storage, messaging, auth, logs, health, metrics. */
@Global()
@Module({})
export class PlatformRuntimeModule implements NestModule {
  /** `clock` replaces the system clock where time itself is under test (join windows, business hours). */
  static forRoot(config: PlatformConfig, options: RuntimeOptions = {}): DynamicModule {
    const configProvider = { provide: PLATFORM_CONFIG, useValue: config };
    const rateLimits = rateLimitSettingsOf(config);
    const logger = options.logger ?? createRootLogger(config);
    routeMessagingLogsTo(logger);
    // One dynamic module object, imported twice, is one instance: the database is opened once.
    const databaseModule: DynamicModule = {
      module: DatabaseModule,
      global: true,
      providers: [{ provide: DATABASE, useFactory: () => options.database ?? openDatabase(config, logger) }],
      exports: [DATABASE],
    };
    return {
      module: PlatformRuntimeModule,
      imports: [
        databaseModule,
        loggingModule(config, logger),
        DiscoveryModule,
        CqrsModule.forRoot(),
        TerminusModule,
        ThrottlerModule.forRoot(throttlerOptionsOf(rateLimits)),
        TypeOrmModule.forRootAsync({
          imports: [databaseModule],
          inject: [DATABASE],
          useFactory: (database: Database) => ({ type: 'postgres', driver: sharedPoolDriver(database.pool), autoLoadEntities: true, synchronize: false }),
        }),
      ],
      controllers: [HealthController, MetricsController, DeadLettersHttp],
      providers: [
        configProvider,
        HostedServices,
        MetricsRegistry,
        RelayRunner,
        Readiness,
        ReadinessChecks,
        leasesProvider,
        FollowerHost,
        FollowerMetrics,
        RuntimeShutdown,
        GrpcServices,
        GrpcServer,
        FollowedRoleGrants,
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: TRACING, useValue: options.tracing ?? null },
        { provide: AUTHENTICATOR, useFactory: () => createAuthenticator(config) },
        {
          provide: EVENT_CONSUMER,
          inject: [DATABASE, HostedServices, FollowerHost, Readiness],
          useFactory: (database: Database, hosted: HostedServices, followers: FollowerHost, readiness: Readiness) =>
            createEventConsumer(config, database, hosted, { followers, readiness }),
        },
        { provide: RATE_LIMIT_SETTINGS, useValue: rateLimits },
        ClientRateLimits,
        // In this order: a client over its allowance is refused before its token is even checked.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: REQUEST_DEADLINE_MS, useValue: config.HTTP_REQUEST_TIMEOUT_MS },
        { provide: APP_INTERCEPTOR, useClass: RequestDeadlineInterceptor },
        // Tests see an answer that drifts from its documented schema (@Answers) as a 500.
        ...(testHooksAllowed(process.env) ? [{ provide: APP_INTERCEPTOR, useClass: AnswerCheckInterceptor }] : []),
        // In this order: the text check sees every body, query and path before any schema does.
        { provide: APP_PIPE, useClass: SafeTextPipe },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
      ],
      exports: [PLATFORM_CONFIG, RATE_LIMIT_SETTINGS, ThrottlerModule, HostedServices, MetricsRegistry, GrpcServices, GrpcServer, CLOCK, AUTHENTICATOR, EVENT_CONSUMER, CqrsModule, FollowerHost, Readiness, leasesProvider],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
