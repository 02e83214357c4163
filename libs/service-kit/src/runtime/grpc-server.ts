import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { FollowedRoleGrants } from '../auth/followed-role-grants';
import { AUTHENTICATOR, type Authenticator } from '../auth/principal';
import { ClientRateLimits } from '../rate-limit/client-rate-limits';
import { grpcTlsOf, type PlatformConfig } from '../config/platform.config';
import { GrpcHost } from '../grpc/grpc-host';
import type { ServiceImplementation, ServicePolicy } from '../grpc/grpc-handlers';
import { PLATFORM_CONFIG } from './tokens';

interface Registration {
  readonly definition: ServiceDefinition;
  readonly implementation: ServiceImplementation<ServiceDefinition>;
  readonly policy: ServicePolicy<ServiceDefinition>;
}

/** Service modules add their gRPC services here in onModuleInit; the server starts once all are in. */
@Injectable()
export class GrpcServices {
  readonly registrations: Registration[] = [];

  add<D extends ServiceDefinition>(definition: D, implementation: ServiceImplementation<D>, policy: ServicePolicy<D>): void {
    this.registrations.push({ definition, implementation, policy });
  }
}

/** The process's one gRPC listener on GRPC_HOST:GRPC_PORT; every method needs a bearer token or (mutual TLS) a partner certificate. */
@Injectable()
export class GrpcServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('gRPC');
  private host?: GrpcHost;
  // A property, not a fifth constructor parameter: where calls' granted roles come from (issue 13).
  @Inject(FollowedRoleGrants) private readonly grantSources!: FollowedRoleGrants;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    private readonly services: GrpcServices,
    private readonly rateLimits: ClientRateLimits,
  ) {}

  get port(): number | undefined {
    return this.host?.boundPort;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.services.registrations.length === 0) return;
    const host = new GrpcHost({
      authenticator: this.authenticator,
      host: this.config.GRPC_HOST,
      port: this.config.GRPC_PORT,
      limiter: this.rateLimits.calls,
      tls: grpcTlsOf(this.config),
      grants: () => this.grantSources.source(),
      log: { error: (details, message) => this.logger.error(details, message) },
    });
    for (const { definition, implementation, policy } of this.services.registrations) host.addService(definition, implementation, policy);
    this.host = host;
    const port = await host.start();
    const security = this.config.GRPC_TLS_CLIENT_CA ? 'TLS, client certificates or bearer tokens' : this.config.GRPC_TLS_CERT ? 'TLS' : 'plain TCP';
    this.logger.log(`gRPC listening on ${this.config.GRPC_HOST}:${port} (${security})`);
  }

  /** Stops taking calls and lets running ones finish (bounded); the process drains this before Nest closes. */
  async drain(): Promise<void> {
    await this.host?.shutdown();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.drain();
  }
}
