import type { Server } from 'node:http';
import { Module, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { asOneJob } from '@collab/event-store';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { endpointAccessOf, isDistributed, loadPlatformConfig, type PlatformConfig } from '../config/platform.config';
import { admitToEndpoint } from '../auth/endpoint-access';
import { AUTHENTICATOR, type Authenticator } from '../auth/principal';
import { createRootLogger } from '../logging/logging';
import { requestHygiene, verifyUtf8 } from '../http/request-hygiene';
import { httpTracing } from '../tracing/http-tracing';
import { startTracing } from '../tracing/tracing';
import { openDatabase } from './database';
import { tidyHeaderParameters } from './openapi-headers';
import { withAnswerComponents } from '../http/answers/answer-components';
import { HttpDrain } from './http-drain';
import { ProcessLifecycle } from './process-lifecycle';
import { PlatformRuntimeModule, type RuntimeOptions } from './runtime.module';
import { clockFromEnvironment } from './test-hooks/test-clock';
import { HttpListenFailed, startFailureReason } from './start-failure';

export interface ServiceDefinition {
  readonly service: PlatformConfig['SERVICE'];
  readonly modules: readonly Type[];
}

export interface ServiceAppOptions extends RuntimeOptions {
  /** Installed as the first middleware: during a stop it admits nothing new (runService's drain). */
  readonly drain?: HttpDrain;
}

/** Builds (but does not start) the Nest application for these service modules. */
export const createServiceApp = async (config: PlatformConfig, modules: readonly Type[], options: ServiceAppOptions = {}): Promise<INestApplication> => {
  @Module({ imports: [PlatformRuntimeModule.forRoot(config, options), ...modules] })
  class ServiceRootModule {}

  // abortOnError off: a failed start throws to runService, which prints one line and exits 1.
  // autoFlushLogs off: Nest would otherwise print its buffered start-up lines and the error's
  // stack as console text; they go to pino below, and a failure is logged there by runService.
  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, {
    bufferLogs: true,
    autoFlushLogs: false,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.disable('x-powered-by');
  // Behind the edge, the client's address (what unauthenticated calls are rate limited by) is in X-Forwarded-For.
  if (config.HTTP_TRUST_PROXY_HOPS > 0) app.set('trust proxy', config.HTTP_TRUST_PROXY_HOPS);
  // First, so even a request the drain turns away is a span, and the body parser runs in its context.
  app.use(httpTracing);
  if (options.drain) app.use(options.drain.middleware);
  // Each request is one job from its arrival: on the embedded connection it goes before requests that came later.
  app.use((_request: unknown, _response: unknown, next: () => void) => asOneJob(next));
  app.use(requestHygiene);
  // application/*+json too, so problem and CloudEvents bodies parse; the limit applies to all (after inflating).
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'], verify: verifyUtf8 });
  serveApiDocs(app, config);
  keepIdleConnections(app.getHttpServer());
  return app;
};

/**
 * How long an idle keep-alive connection stays open: longer than the usual 60 s idle timeout of a
 * load balancer or proxy in front, so the server never closes a connection the other side is about
 * to reuse (Node's default, 5 s, races a client's 4 s reuse window whenever the event loop stalls
 * for a second, and the request is reset). Shutdown closes idle connections at once all the same.
 */
export const KEEP_ALIVE_MS = 65_000;

const keepIdleConnections = (server: Server): void => {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Headers must be allowed longer than the idle wait, or a slow request line is cut off first.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
};

/**
 * The docs page runs Swagger UI's own files and nothing else: no inline or evaluated script, nothing
 * from another origin, not framed. Its template's inline styles need 'unsafe-inline' for styles only.
 */
export const API_DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The API docs as API_DOCS_ACCESS says: open, for staff tokens only, or not served at all (404). */
const serveApiDocs = (app: NestExpressApplication, config: PlatformConfig): void => {
  const access = endpointAccessOf(config, 'API_DOCS_ACCESS');
  if (access === 'off') return;
  const authenticator = app.get<Authenticator>(AUTHENTICATOR);
  app.use('/api/docs', (_request: Request, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    response.setHeader('content-security-policy', API_DOCS_CSP);
    next();
  });
  app.use('/api/docs', (request: Request, _response: unknown, next: (error?: unknown) => void) => {
    admitToEndpoint(access, authenticator, { path: request.originalUrl, authorization: request.headers.authorization }).then(() => next(), next);
  });
  SwaggerModule.setup('api/docs', app, openApiDocumentOf(app, config.SERVICE), { jsonDocumentUrl: 'api/docs/openapi.json' });
};

/**
 * The OpenAPI 3.1 document of what the app serves, as /api/docs/openapi.json answers it; the
 * platform's is kept in the repo (docs/openapi/platform.openapi.json, `npm run openapi:generate`)
 * and a spec fails when the two differ.
 */
export const openApiDocumentOf = (app: INestApplication, service: PlatformConfig['SERVICE']): OpenAPIObject => {
  const document = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(`Service collaboration platform — ${service}`)
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    // Relative: the document describes whichever host serves it.
    .addServer('/')
    .addBearerAuth()
    .build();
  return withAnswerComponents(tidyHeaderParameters(cleanupOpenApiDoc(SwaggerModule.createDocument(app, document), { version: '3.1' })));
};

const tokenHint = (config: PlatformConfig): string =>
  config.AUTH_JWT_SECRET || config.AUTH_JWKS_URL
    ? 'tokens: signed by your AUTH_JWT_SECRET / JWKS issuer'
    : `get a token: npm run token -- --data-dir ${config.DATA_DIR} --sub agent-1 --roles agent --audience INTERNAL`;

const configOrExit = (definition: ServiceDefinition): PlatformConfig => {
  try {
    return loadPlatformConfig({ ...process.env, SERVICE: process.env['SERVICE'] ?? definition.service });
  } catch (error) {
    // Nothing is open yet: the line, and out.
    process.stderr.write(`${definition.service} could not start: ${startFailureReason(error)}\n`);
    return process.exit(1);
  }
};

const listen = async (app: INestApplication, config: PlatformConfig): Promise<void> => {
  // init first: a module's bootstrap failing is not a listen error.
  await app.init();
  try {
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  } catch (error) {
    throw new HttpListenFailed(config.HTTP_HOST, config.HTTP_PORT, error);
  }
};

/**
 * Entry point of every process: validate config, open the database, build, listen, say how to use
 * it; stop gracefully on SIGTERM/SIGINT. A start that fails prints one line naming why and exits 1.
 */
export const runService = async (definition: ServiceDefinition): Promise<INestApplication> => {
  const config = configOrExit(definition);
  const logger = createRootLogger(config);
  const tracing = startTracing(config, logger);
  const drain = new HttpDrain();
  const lifecycle = new ProcessLifecycle(config.SERVICE, logger, drain).watchSignals();
  let app: INestApplication;
  try {
    const database = await openDatabase(config, logger);
    lifecycle.opened(database);
    const clock = clockFromEnvironment();
    app = await createServiceApp(config, definition.modules, { logger, database, drain, ...(tracing ? { tracing } : {}), ...(clock ? { clock } : {}) });
    lifecycle.built(app);
    await listen(app, config);
  } catch (error) {
    return lifecycle.failStart(error);
  }
  lifecycle.running();
  const mode = isDistributed(config) ? 'distributed' : 'embedded';
  app.get(Logger).log(`${config.SERVICE} (${mode}) listening on http://${config.HTTP_HOST}:${config.HTTP_PORT} — API docs at /api/docs; ${tokenHint(config)}`);
  return app;
};
