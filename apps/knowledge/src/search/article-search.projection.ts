import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { ARTICLE_EVENT_TYPES, type ArticleEvent, type ArticlePublished } from '@collab/knowledge-domain';
import { Projection } from '@collab/service-kit';
import { configFor, documentText } from './search-text';
import { recordVocabulary } from './search-vocabulary';

const dateOrNull = (value: string | undefined): Date | null => (value === undefined ? null : new Date(value));

/** Title weighs most, then summary and tags, then the body. */
const SEARCH_VECTOR = `setweight(to_tsvector($5::text::regconfig, $16), 'A') || setweight(to_tsvector($5::text::regconfig, $17), 'B') || setweight(to_tsvector($5::text::regconfig, $18), 'C')`;

/**
 * Keeps knowledge's search index equal to the published, unarchived, unexpired version of every
 * article. Each row carries the stream version it came from, so a batch applied twice gives the same rows.
 */
@Injectable()
export class ArticleSearchProjection extends Projection {
  readonly name = 'knowledge.article-search';
  readonly log = 'knowledge';
  readonly handles = ARTICLE_EVENT_TYPES;
  readonly tables = ['knowledge.article_point', 'knowledge.article_search', 'knowledge.search_word'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const recorded of events) await this.applyOne({ type: recorded.type, data: recorded.data } as ArticleEvent, recorded.streamVersion, tx);
  }

  private async applyOne(event: ArticleEvent, streamVersion: number, tx: EntityManager): Promise<void> {
    switch (event.type) {
      case 'ArticleDrafted':
        await tx.query(
          `insert into knowledge.article_point (article_id, knowledge_point_id, language, version) values ($1, $2, $3, $4) on conflict (article_id) do nothing`,
          [event.data.articleId, event.data.knowledgePointId, event.data.content.language, event.data.version],
        );
        return;
      case 'ArticleEdited':
        await tx.query(`update knowledge.article_point set language = $2, version = $3 where article_id = $1 and version < $3`, [
          event.data.articleId, event.data.content.language, event.data.version,
        ]);
        return;
      case 'ArticlePublished':
        return this.published(tx, event.data, streamVersion);
      case 'ArticleExpired':
      case 'ArticleArchived':
        await tx.query(`delete from knowledge.article_search where article_id = $1`, [event.data.articleId]);
        return;
      case 'ArticleSubmitted':
      case 'ArticleRejected':
      case 'ArticleReviewFellDue':
        return;
      default:
        return;
    }
  }

  private async published(tx: EntityManager, { articleId, knowledgePointId, version, content, publishedAt }: ArticlePublished['data'], streamVersion: number): Promise<void> {
    const config = configFor(content.language);
    await recordVocabulary(tx, [content.title, content.summary, content.body, ...content.tags]);
    await tx.query(
      `insert into knowledge.article_search (article_id, knowledge_point_id, version, language, config, type, node_id, tags, audiences, partners,
         title, summary, body, effective_from, expires_at, published_at, search, stream_version)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $19, ${SEARCH_VECTOR}, $20)
       on conflict (article_id) do update set knowledge_point_id = excluded.knowledge_point_id, version = excluded.version,
         language = excluded.language, config = excluded.config, type = excluded.type, node_id = excluded.node_id, tags = excluded.tags,
         audiences = excluded.audiences, partners = excluded.partners, title = excluded.title, summary = excluded.summary, body = excluded.body,
         effective_from = excluded.effective_from, expires_at = excluded.expires_at, published_at = excluded.published_at,
         search = excluded.search, stream_version = excluded.stream_version
       where knowledge.article_search.stream_version < excluded.stream_version`,
      [
        articleId, knowledgePointId, version, content.language, config, content.type, content.nodeId, content.tags, content.audiences,
        content.partners ?? null, content.title, content.summary, content.body, dateOrNull(content.effectiveFrom), dateOrNull(content.expiresAt),
        documentText(config, content.title), documentText(config, [content.summary, ...content.tags].join(' ')), documentText(config, content.body),
        new Date(publishedAt), streamVersion,
      ],
    );
  }
}
