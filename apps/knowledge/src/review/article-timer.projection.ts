import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { deterministicEventId, type RecordedEvent } from '@collab/event-store';
import { reviewDueAt, type ArticlePublished } from '@collab/knowledge-domain';
import { Projection } from '@collab/service-kit';

export type ArticleTimerKind = 'EXPIRE' | 'REVIEW_DUE';

/** Cancels the article's pending timers ($2: when; $3: of versions other than this one, or null for all). */
const CANCEL_SQL = `update knowledge.article_timer set cancelled_at = $2
  where article_id = $1 and ($3::int is null or version <> $3::int) and coalesce(fired_at, cancelled_at) is null`;

const SCHEDULE_SQL = `insert into knowledge.article_timer (id, article_id, version, kind, due_at, correlation_id, scheduled_by)
  values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`;

/**
 * The scheduler of expiry and review-due timers: a publication schedules its version's timers and
 * cancels those of the version it replaces; expiry and archiving cancel what is still pending. It
 * writes in the transaction that moves its checkpoint, so a crash loses no timer and schedules
 * none twice (a timer's id derives from the publication that scheduled it).
 */
@Injectable()
export class ArticleTimerProjection extends Projection {
  readonly name = 'knowledge.article-timers';
  readonly log = 'knowledge';
  readonly handles = ['ArticlePublished', 'ArticleExpired', 'ArticleArchived'];
  readonly tables = ['knowledge.article_timer'];
  override readonly notRebuildable =
    'knowledge.article_timer is also the timer dispatcher’s record of what fired (fired_at, claimed_until), which no event holds: rebuilt, fired timers would fire again';

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      const data = event.data as { articleId: string; expiredAt?: string; archivedAt?: string };
      if (event.type === 'ArticlePublished') await this.schedule(event, event.data as ArticlePublished['data'], tx);
      else await tx.query(CANCEL_SQL, [data.articleId, new Date(data.expiredAt ?? data.archivedAt ?? event.recordedAt), null]);
    }
  }

  private async schedule(event: RecordedEvent, published: ArticlePublished['data'], tx: EntityManager): Promise<void> {
    const { articleId, version, content, publishedAt } = published;
    await tx.query(CANCEL_SQL, [articleId, new Date(publishedAt), version]);
    const due: [ArticleTimerKind, string | undefined][] = [['EXPIRE', content.expiresAt], ['REVIEW_DUE', reviewDueAt(publishedAt, content)]];
    for (const [kind, dueAt] of due) {
      if (dueAt === undefined) continue;
      const id = deterministicEventId(event.id, `article-timer/${kind}`);
      await tx.query(SCHEDULE_SQL, [id, articleId, version, kind, new Date(dueAt), event.metadata.correlationId, event.id]);
    }
  }
}
