import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { TimerDispatch, type LeaseTerm, type Leases } from '@collab/following';
import { CLOCK, LEASES, PLATFORM_CONFIG, type Clock, type PlatformConfig } from '@collab/service-kit';
import { ArticleTimerFiring } from './article-timer.firing';
import { ArticleTimerTable, type ArticleTimer } from './article-timer.table';

const BATCH = 50;
/** How long a claim holds (by the injected clock) when no later term of the lease takes it over. */
const CLAIM_MS = 60_000;

/**
 * Fires expiry and review-due timers when they fall due by the injected clock, every
 * KNOWLEDGE_TIMER_POLL_MS, in the one replica holding the lease `knowledge.article-timers` — the
 * SLA timers' dispatcher (docs/adr/0007), shared through TimerDispatch in @collab/following. The
 * article stream is the judge at firing time, so no wait for the scheduler is needed: a timer of
 * an archived or superseded version is refused there and marked cancelled.
 */
@Injectable()
export class ArticleTimerDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ArticleTimers');
  private dispatch: TimerDispatch<ArticleTimer> | undefined;

  // Injected as properties, as the SLA dispatcher's: the runtime's clock, settings and lease keeper.
  @Inject(CLOCK) private readonly clock!: Clock;
  @Inject(PLATFORM_CONFIG) private readonly config!: PlatformConfig;
  @Inject(LEASES) private readonly leases!: Leases;

  constructor(
    private readonly table: ArticleTimerTable,
    private readonly firing: ArticleTimerFiring,
  ) {}

  onApplicationBootstrap(): void {
    this.dispatch = new TimerDispatch(this.leases, this, {
      home: 'knowledge',
      lease: 'knowledge.article-timers',
      pollMs: this.config.KNOWLEDGE_TIMER_POLL_MS,
      batch: BATCH,
      now: () => this.clock.now(),
      report: (level, message, error) => this.logger[level]({ msg: message, error }),
    });
    this.dispatch.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatch?.stop();
  }

  claim(term: LeaseTerm, now: Date, limit: number): Promise<ArticleTimer[]> {
    return this.table.claimDue(term, now, new Date(now.getTime() + CLAIM_MS), limit);
  }

  /** Fires the timer and records what became of it; a failure leaves it pending for the next pass. */
  async settle(term: LeaseTerm, timer: ArticleTimer, now: Date): Promise<void> {
    const outcome = await this.firing.fire(timer, now).catch((error: unknown) => {
      this.logger.error({ msg: `article timer ${timer.id} (${timer.kind} of article ${timer.articleId} v${timer.version}) failed; it stays pending`, error });
      return 'pending' as const;
    });
    if (outcome === 'fired') await this.table.markFired(term, timer.id, now);
    else if (outcome === 'cancelled') await this.table.markCancelled(term, timer.id, now);
    else await this.table.release(term, timer.id);
  }

  release(term: LeaseTerm, timer: ArticleTimer): Promise<void> {
    return this.table.release(term, timer.id);
  }
}
