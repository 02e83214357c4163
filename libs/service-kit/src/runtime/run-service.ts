import { Module, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { InvalidConfiguration, isDistributed, loadPlatformConfig, type PlatformConfig } from '../config/platform.config';
import { PlatformRuntimeModule, type RuntimeOptions } from './runtime.module';

export interface ServiceDefinition {
  readonly service: PlatformConfig['SERVICE'];
  readonly modules: readonly Type[];
}

/** Builds (but does not start) the Nest application for these service modules. */
export const createServiceApp = async (config: PlatformConfig, modules: readonly Type[], options: RuntimeOptions = {}): Promise<INestApplication> => {
  @Module({ imports: [PlatformRuntimeModule.forRoot(config, options), ...modules] })
  class ServiceRootModule {}

  // abortOnError off: a failed start throws to runService, which prints one line and exits 1.
  const app = await NestFactory.create<NestExpressApplication>(ServiceRootModule, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // application/*+json too, so problem and CloudEvents bodies parse; the limit applies to all.
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.enableShutdownHooks();
  const document = new DocumentBuilder()
    .setTitle(`Service collaboration platform — ${config.SERVICE}`)
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(SwaggerModule.createDocument(app, document)), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
};

const tokenHint = (config: PlatformConfig): string =>
  config.AUTH_JWT_SECRET || config.AUTH_JWKS_URL
    ? 'tokens: signed by your AUTH_JWT_SECRET / JWKS issuer'
    : `get a token: npm run token -- --data-dir ${config.DATA_DIR} --sub agent-1 --roles agent --audience INTERNAL`;

/** Entry point of every process: validate config (one line per problem), build, listen, say how to use it. */
export const runService = async (definition: ServiceDefinition): Promise<INestApplication | undefined> => {
  let config: PlatformConfig;
  try {
    config = loadPlatformConfig({ ...process.env, SERVICE: process.env['SERVICE'] ?? definition.service });
  } catch (error) {
    if (!(error instanceof InvalidConfiguration)) throw error;
    for (const line of error.problems) process.stderr.write(`${line}\n`);
    process.exitCode = 1;
    return undefined;
  }
  let app: INestApplication;
  try {
    app = await createServiceApp(config, definition.modules);
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  } catch (error) {
    process.stderr.write(`${config.SERVICE} could not start: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return undefined;
  }
  const mode = isDistributed(config) ? 'distributed' : 'embedded';
  app.get(Logger).log(`${config.SERVICE} (${mode}) listening on http://${config.HTTP_HOST}:${config.HTTP_PORT} — API docs at /api/docs; ${tokenHint(config)}`);
  return app;
};
