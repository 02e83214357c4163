import {
  Server,
  type ServerOptions,
  type ServiceDefinition,
  type UntypedHandleCall,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { Authenticator } from '../auth/principal';
import type { CallLimiter } from '../rate-limit/call-limiter';
import type { Grant } from '@collab/domain-kernel';
import { guarded, tolerantDecoding } from './method-policy';
import { authenticatedServerStream, authenticatedUnary, type CallDependencies } from './authenticated-call';
import type { MethodImplementation, ServiceImplementation, ServicePolicy } from './grpc-handlers';
import { consoleErrorLog, type GrpcErrorLog } from './grpc-status';
import { serverCredentialsOf, type GrpcTls } from './grpc-tls';
import type { RoleGrantSource } from '../auth/role-grants';

export interface GrpcHostOptions {
  readonly authenticator: Authenticator;
  /** Default 0.0.0.0 (reachable in a container); tests bind 127.0.0.1. */
  readonly host?: string | undefined;
  /** Default 50051; 0 picks a free port, which start() returns. */
  readonly port?: number | undefined;
  readonly log?: GrpcErrorLog | undefined;
  /** How long shutdown() lets running calls finish before cutting them off; default 5000 ms. */
  readonly shutdownTimeoutMs?: number | undefined;
  readonly serverOptions?: ServerOptions | undefined;
  /** Per-client rate limit shared with REST; none when absent. */
  readonly limiter?: CallLimiter | undefined;
  /** TLS, and with a client CA partner certificates beside bearer tokens; plain TCP when absent. */
  readonly tls?: GrpcTls | undefined;
  /** Where callers' granted roles come from (issue 13), asked on each call; none when absent. */
  readonly grants?: (() => RoleGrantSource | null) | undefined;
}

/**
 * Keepalive pings keep long WatchTasks streams open through the edge proxy and notice dead
 * clients; without them an idle stream can be dropped silently by a middlebox.
 */
const DEFAULT_SERVER_OPTIONS: ServerOptions = {
  'grpc.keepalive_time_ms': 60_000,
  'grpc.keepalive_timeout_ms': 20_000,
  'grpc.keepalive_permit_without_calls': 1,
};

const hostPort = (host: string, port: number): string => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/**
 * A grpc-js Server where every method is authenticated, errors become statuses in one place
 * (toGrpcStatus), and shutdown is bounded. Supports unary and server-streaming methods.
 */
export class GrpcHost {
  private readonly server: Server;
  private readonly stopping = new AbortController();
  private readonly deps: CallDependencies;
  private port: number | undefined;
  private stopped: Promise<void> | undefined;

  constructor(private readonly options: GrpcHostOptions) {
    this.server = new Server({ ...DEFAULT_SERVER_OPTIONS, ...options.serverOptions });
    this.deps = {
      authenticator: options.authenticator,
      log: options.log ?? consoleErrorLog,
      stopping: this.stopping.signal,
      limiter: options.limiter,
      grants: options.grants,
    };
  }

  addService<D extends ServiceDefinition>(
    definition: D,
    implementation: ServiceImplementation<D>,
    policy: ServicePolicy<D>,
  ): this {
    const handlers: UntypedServiceImplementation = {};
    for (const [name, method] of Object.entries(definition)) {
      const implemented = (
        implementation as Record<string, MethodImplementation<unknown, unknown> | undefined>
      )[name];
      const allowed = (policy as Record<string, readonly Grant[] | undefined>)[name];
      if (!allowed) throw new Error(`GrpcHost: no policy for ${method.path}: declare who it admits`);
      handlers[name] = this.handlerFor(name, method, guarded(implemented, allowed));
    }
    this.server.addService(tolerantDecoding(definition), handlers);
    return this;
  }

  /** Binds and starts serving; resolves with the bound port. */
  async start(): Promise<number> {
    if (this.port !== undefined) return this.port;
    const address = hostPort(this.options.host ?? '0.0.0.0', this.options.port ?? 50051);
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(address, serverCredentialsOf(this.options.tls), (error, port) =>
        error ? reject(new Error(`gRPC cannot listen on ${address}: ${error.message}`)) : resolve(port),
      ),
    );
    return this.port;
  }

  get boundPort(): number | undefined {
    return this.port;
  }

  /**
   * Ends open streams (UNAVAILABLE), lets unary calls finish within the bound, then forces.
   * Idempotent: the process's drain and Nest's shutdown hook may both ask.
   */
  shutdown(): Promise<void> {
    this.stopped ??= this.stop();
    return this.stopped;
  }

  private async stop(): Promise<void> {
    this.stopping.abort();
    const timeoutMs = this.options.shutdownTimeoutMs ?? 5000;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, timeoutMs);
      this.server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private handlerFor(
    name: string,
    method: ServiceDefinition[string],
    implemented: MethodImplementation<unknown, unknown> | undefined,
  ): UntypedHandleCall {
    const path = method.path;
    if (!implemented) throw new Error(`GrpcHost: no implementation for ${path}`);
    if (method.requestStream) throw new Error(`GrpcHost: ${path} streams requests, which is not supported`);
    const expected = method.responseStream ? 'serverStream' : 'unary';
    if (implemented.kind !== expected)
      throw new Error(
        `GrpcHost: ${name} (${path}) must be implemented with ${expected}(), not ${implemented.kind}()`,
      );
    return implemented.kind === 'unary'
      ? authenticatedUnary(implemented, this.deps)
      : authenticatedServerStream(implemented, this.deps);
  }
}
