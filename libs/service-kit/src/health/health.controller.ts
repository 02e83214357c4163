import { Answers } from '../http/answers/answers.decorator';
import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import type { Database } from '../runtime/database';
import { DATABASE } from '../runtime/tokens';
import { Readiness } from './readiness';
import { healthSchema, readinessSchema } from '../http/answers/operations.answers';

/** Probes are not rate limited: an orchestrator must always get its answer. */
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: Readiness,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  /** Liveness: the process answers and reaches its store. An orchestrator restarts it when this fails. */
  @Public()
  @Answers(healthSchema, { public: true })
  @Get('health')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  check() {
    return this.health.check([() => this.databaseIsReachable()]);
  }

  /**
   * Readiness: this replica can take traffic and do its share — its store answers, the broker is
   * reachable and its consumer groups joined, its followers run or stand by (with their lag). A load
   * balancer sends nothing to a replica that is not ready; nobody restarts it for that.
   */
  @Public()
  @Answers(readinessSchema, { public: true })
  @Get('ready')
  @HttpCode(200)
  async ready(@Res({ passthrough: true }) response: Response) {
    const report = await this.readiness.report();
    if (!report.ready) response.status(503);
    return { status: report.ready ? 'ready' : 'not ready', ...report };
  }

  private async databaseIsReachable() {
    const indicator = this.indicators.check('database');
    try {
      await this.database.pool.query('select 1');
      return indicator.up({ store: this.database.embedded ? 'embedded PGlite' : 'PostgreSQL' });
    } catch (error) {
      return indicator.down({ store: this.database.embedded ? 'embedded PGlite' : 'PostgreSQL', error: (error as Error).message });
    }
  }
}
