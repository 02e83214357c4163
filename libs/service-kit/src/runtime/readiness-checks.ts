import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Readiness } from '../health/readiness';
import type { Database } from './database';
import { FollowerHost } from './following/follower-host';
import { DATABASE } from './tokens';

/** The runtime's own readiness: the store answers; the followers run here or stand by elsewhere (with their lag). */
@Injectable()
export class ReadinessChecks implements OnModuleInit {
  constructor(
    private readonly readiness: Readiness,
    private readonly followers: FollowerHost,
    @Inject(DATABASE) private readonly database: Database,
  ) {}

  onModuleInit(): void {
    this.readiness.register('store', async () => {
      await this.database.pool.query('select 1');
      return { ready: true };
    });
    this.readiness.register('followers', () => ({
      ready: true,
      detail: this.followers.statuses().map((status) => ({
        name: status.name,
        state: status.state,
        lag: (status.head - status.position).toString(),
        ...(status.lastFault === undefined ? {} : { lastFault: status.lastFault }),
      })),
    }));
  }
}
