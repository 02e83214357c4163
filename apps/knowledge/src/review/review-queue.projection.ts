import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { assertNever } from '@collab/domain-kernel';
import type { ArticleEvent } from '@collab/knowledge-domain';
import { Projection } from '@collab/service-kit';

/** Upserts the article's queue entry, titled from its live version ($1 article, $2 version, $3 reason, $4 due, $5 stream version). */
const ENQUEUE_SQL = `insert into knowledge.review_queue (article_id, version, reason, title, language, node_id, due_at, stream_version)
  select $1, $2, $3, title, language, node_id, $4, $5 from knowledge.review_live where article_id = $1
  on conflict (article_id) do update set version = excluded.version, reason = excluded.reason, due_at = excluded.due_at, stream_version = excluded.stream_version
  where knowledge.review_queue.stream_version < excluded.stream_version`;

/**
 * The review queue: articles whose published version fell due for review or expired, until a new
 * version is published or the article is archived. It keeps its own copy of each live version's
 * title, language and node (knowledge.review_live) rather than reading another projection's table.
 * Every write is guarded by the stream version, so a batch applied twice gives the same rows.
 */
@Injectable()
export class ReviewQueueProjection extends Projection {
  readonly name = 'knowledge.review-queue';
  readonly log = 'knowledge';
  readonly handles = ['ArticlePublished', 'ArticleReviewFellDue', 'ArticleExpired', 'ArticleArchived'];
  readonly tables = ['knowledge.review_live', 'knowledge.review_queue'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) await this.applyOne({ type: recorded.type, data: recorded.data } as ArticleEvent, recorded.streamVersion, tx);
  }

  private async applyOne(event: ArticleEvent, streamVersion: number, tx: EntityManager): Promise<void> {
    switch (event.type) {
      case 'ArticlePublished': {
        const { articleId, version, content } = event.data;
        await tx.query(
          `insert into knowledge.review_live (article_id, version, title, language, node_id, stream_version) values ($1, $2, $3, $4, $5, $6)
           on conflict (article_id) do update set version = excluded.version, title = excluded.title, language = excluded.language,
             node_id = excluded.node_id, stream_version = excluded.stream_version where knowledge.review_live.stream_version < excluded.stream_version`,
          [articleId, version, content.title, content.language, content.nodeId, streamVersion],
        );
        await tx.query(`delete from knowledge.review_queue where article_id = $1 and stream_version < $2`, [articleId, streamVersion]);
        return;
      }
      case 'ArticleReviewFellDue':
        await tx.query(ENQUEUE_SQL, [event.data.articleId, event.data.version, 'REVIEW_DUE', new Date(event.data.dueAt), streamVersion]);
        return;
      case 'ArticleExpired':
        await tx.query(ENQUEUE_SQL, [event.data.articleId, event.data.version, 'EXPIRED', new Date(event.data.expiredAt), streamVersion]);
        return;
      case 'ArticleArchived':
        await tx.query(`delete from knowledge.review_queue where article_id = $1`, [event.data.articleId]);
        await tx.query(`delete from knowledge.review_live where article_id = $1`, [event.data.articleId]);
        return;
      case 'ArticleDrafted':
      case 'ArticleEdited':
      case 'ArticleSubmitted':
      case 'ArticleRejected':
        return;
      default:
        return assertNever(event);
    }
  }
}
