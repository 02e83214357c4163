import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { FencedTimerTable, TimerDispatch, type LeaseTerm, type Leases } from '@collab/following';
import { CLOCK, DATABASE, LEASES, PLATFORM_CONFIG, type Clock, type Database, type PlatformConfig } from '@collab/service-kit';
import { TagReviewFiring } from './tag-review.firing';

const BATCH = 50;
/** How long a claim holds (by the injected clock) when no later term of the lease takes it over. */
const CLAIM_MS = 60_000;

interface ReviewRow {
  readonly id: string;
  readonly customer_id: string;
}

/**
 * Fires the due tag reviews (data.tag_review) every DATA_TAG_POLL_MS by the injected clock, in the
 * one replica holding the lease `data.tag-reviews`: the durable timer dispatcher of
 * @collab/following (docs/adr/0007), so a review survives restarts and a window's end fires once.
 */
@Injectable()
export class TagReviewDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TagReviews');
  private readonly table: FencedTimerTable<ReviewRow>;
  private dispatch: TimerDispatch<ReviewRow> | undefined;
  /**
   * The customers judged in the current pass (one `now` per pass). A contact asks for a review per
   * fact, so a pass often claims several for one customer; the first judgement read every fact they
   * were asked for (each was committed with its fact, before the claim), so the others are settled by it.
   */
  private pass: { readonly at: number; readonly judged: Set<string> } = { at: Number.NaN, judged: new Set() };

  @Inject(CLOCK) private readonly clock!: Clock;
  @Inject(PLATFORM_CONFIG) private readonly config!: PlatformConfig;
  @Inject(LEASES) private readonly leases!: Leases;

  constructor(
    @Inject(DATABASE) database: Database,
    private readonly firing: TagReviewFiring,
  ) {
    this.table = new FencedTimerTable<ReviewRow>(database.pool, { schema: 'data', table: 'tag_review', returning: 'id, customer_id' });
  }

  onApplicationBootstrap(): void {
    this.dispatch = new TimerDispatch(this.leases, this, {
      home: 'data',
      lease: 'data.tag-reviews',
      pollMs: this.config.DATA_TAG_POLL_MS,
      batch: BATCH,
      now: () => this.clock.now(),
      report: (level, message, error) => this.logger[level]({ msg: message, error }),
    });
    this.dispatch.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.dispatch?.stop();
  }

  claim(term: LeaseTerm, now: Date, limit: number): Promise<ReviewRow[]> {
    return this.table.claimDue(term, now, new Date(now.getTime() + CLAIM_MS), limit);
  }

  /** Reviews the customer; a failure leaves the review pending for the next pass. */
  async settle(term: LeaseTerm, review: ReviewRow, now: Date): Promise<void> {
    if (this.pass.at !== now.getTime()) this.pass = { at: now.getTime(), judged: new Set() };
    if (this.pass.judged.has(review.customer_id)) return this.table.markFired(term, review.id, now);
    const reviewed = await this.firing.review({ id: review.id, customerId: review.customer_id }, now).then(
      () => true,
      (error: unknown) => {
        this.logger.error({ msg: `tag review ${review.id} of customer ${review.customer_id} failed; it stays pending`, error });
        return false;
      },
    );
    if (reviewed) {
      this.pass.judged.add(review.customer_id);
      await this.table.markFired(term, review.id, now);
    } else await this.table.release(term, review.id);
  }

  release(term: LeaseTerm, review: ReviewRow): Promise<void> {
    return this.table.release(term, review.id);
  }
}
