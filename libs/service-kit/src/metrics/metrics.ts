import { Answers } from '../http/answers/answers.decorator';
import { Controller, Get, Header, Headers, Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.guard';
import { metricsTextSchema } from '../http/answers/operations.answers';
import { admitToEndpoint } from '../auth/endpoint-access';
import { AUTHENTICATOR, type Authenticator } from '../auth/principal';
import { endpointAccessOf, type PlatformConfig } from '../config/platform.config';
import { PLATFORM_CONFIG } from '../runtime/tokens';

/** One registry per process, so a platform hosting five services still exposes one /metrics. */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'REST request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsRegistry) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.metrics.httpDuration.startTimer({ method: request.method });
    response.on('finish', () => {
      // The matched route pattern, not the raw URL, keeps label cardinality bounded.
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ route, status: String(response.statusCode) });
    });
    next();
  }
}

/** Scrapes are not rate limited (a scraper is one known client; the edge does not route /metrics). */
@SkipThrottle()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  /** Public to the global guard: METRICS_ACCESS decides (open embedded, staff-only when distributed). */
  @Public()
  @Answers(metricsTextSchema, { public: true, mediaType: 'text/plain' })
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    await admitToEndpoint(endpointAccessOf(this.config, 'METRICS_ACCESS'), this.authenticator, { path: '/metrics', authorization });
    return this.metrics.registry.metrics();
  }
}
