import { LoggerModule } from 'nestjs-pino';
import type { PlatformConfig } from '../config/platform.config';

/** Structured JSON logs; tokens and cookies never reach a log line. */
export const loggingModule = (config: Pick<PlatformConfig, 'LOG_LEVEL' | 'SERVICE'>) =>
  LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service: config.SERVICE },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (request) => request.url === '/health' || request.url === '/metrics' },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    },
  });
