import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/auth.guard';
import type { Database } from '../runtime/database';
import { DATABASE } from '../runtime/tokens';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  @Public()
  @Get('health')
  @HealthCheck()
  check() {
    return this.health.check([() => this.databaseIsReachable()]);
  }

  private async databaseIsReachable() {
    const indicator = this.indicators.check('database');
    try {
      await this.database.pool.query('select 1');
      return indicator.up({ store: this.database.description });
    } catch (error) {
      return indicator.down({ store: this.database.description, error: (error as Error).message });
    }
  }
}
