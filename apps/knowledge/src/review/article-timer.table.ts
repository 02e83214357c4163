import { Inject, Injectable } from '@nestjs/common';
import { FencedTimerTable, type LeaseTerm } from '@collab/following';
import { DATABASE, type Database } from '@collab/service-kit';
import type { ArticleTimerKind } from './article-timer.projection';

/** A due expiry or review timer as the dispatcher claimed it. */
export interface ArticleTimer {
  readonly id: string;
  readonly articleId: string;
  readonly version: number;
  readonly kind: ArticleTimerKind;
  readonly dueAt: string;
  readonly correlationId: string;
  /** The ArticlePublished event that scheduled it. */
  readonly scheduledBy: string;
}

interface TimerRow {
  readonly id: string;
  readonly article_id: string;
  readonly version: number;
  readonly kind: string;
  readonly due_at: Date;
  readonly correlation_id: string;
  readonly scheduled_by: string;
}

const articleTimer = (row: TimerRow): ArticleTimer => ({
  id: row.id,
  articleId: row.article_id,
  version: row.version,
  kind: row.kind as ArticleTimerKind,
  dueAt: row.due_at.toISOString(),
  correlationId: row.correlation_id,
  scheduledBy: row.scheduled_by,
});

/** knowledge.article_timer, claimed and settled under the dispatcher's lease term (the generic FencedTimerTable). */
@Injectable()
export class ArticleTimerTable {
  private readonly timers: FencedTimerTable<TimerRow>;

  constructor(@Inject(DATABASE) database: Database) {
    this.timers = new FencedTimerTable<TimerRow>(database.pool, {
      schema: 'knowledge',
      table: 'article_timer',
      returning: 'id, article_id, version, kind, due_at, correlation_id, scheduled_by',
    });
  }

  async claimDue(term: LeaseTerm, now: Date, leaseUntil: Date, limit: number): Promise<ArticleTimer[]> {
    return (await this.timers.claimDue(term, now, leaseUntil, limit)).map(articleTimer).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  }

  markFired(term: LeaseTerm, id: string, at: Date): Promise<void> {
    return this.timers.markFired(term, id, at);
  }

  markCancelled(term: LeaseTerm, id: string, at: Date): Promise<void> {
    return this.timers.markCancelled(term, id, at);
  }

  release(term: LeaseTerm, id: string): Promise<void> {
    return this.timers.release(term, id);
  }
}
