import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
import { routeMessagingLogs } from '@collab/messaging';
import type { PlatformConfig } from '../config/platform.config';
import { accessLogRequest, accessLogResponse } from './access-log';

type LoggingConfig = Pick<PlatformConfig, 'LOG_LEVEL' | 'SERVICE'>;

/**
 * The process's one pino logger: structured JSON on stdout, tokens and cookies never in a line.
 * Nest (through nestjs-pino), the HTTP request log, messaging and kafkajs all write through it.
 */
export const createRootLogger = (config: LoggingConfig, destination?: DestinationStream): Logger => {
  const options = {
    level: config.LOG_LEVEL,
    base: { service: config.SERVICE },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
  return destination ? pino(options, destination) : pino(options);
};

/**
 * Sends messaging's default logger (relays, consumers and every kafkajs client they build) to
 * this logger, so kafkajs lines come out as JSON with their namespace under `kafkajs`.
 */
export const routeMessagingLogsTo = (root: Logger): void => routeMessagingLogs(root.child({ component: 'messaging' }));

/** nestjs-pino over the root logger; the request log skips health and metrics probes and keeps each line short (access-log.ts). */
export const loggingModule = (config: LoggingConfig, root: Logger = createRootLogger(config)) =>
  LoggerModule.forRoot({
    pinoHttp: {
      logger: root,
      serializers: { req: accessLogRequest, res: accessLogResponse },
      autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    },
  });
