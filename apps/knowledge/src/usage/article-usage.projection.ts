import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { helpfulnessOf, type ArticleFeedbackGiven } from '@collab/knowledge-domain';
import { Projection } from '@collab/service-kit';

interface Counts {
  helpful: string | number;
  unhelpful: string | number;
}

/**
 * Each reader's vote per article version, and per article its counts and helpfulness. The counts
 * are recounted from the votes rather than incremented, and a vote is replaced only by a later one
 * of its stream, so a batch applied twice gives the same rows.
 */
@Injectable()
export class ArticleUsageProjection extends Projection {
  readonly name = 'knowledge.article-usage';
  readonly log = 'knowledge';
  readonly handles = ['ArticleFeedbackGiven'];
  readonly tables = ['knowledge.article_vote', 'knowledge.article_usage'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const articles = new Set<string>();
    for (const recorded of events) {
      const { articleId, version, voter, helpful } = (recorded as unknown as { data: ArticleFeedbackGiven['data'] }).data;
      await tx.query(
        `insert into knowledge.article_vote (article_id, version, voter, helpful, stream_version) values ($1, $2, $3, $4, $5)
         on conflict (article_id, version, voter) do update set helpful = excluded.helpful, stream_version = excluded.stream_version
         where knowledge.article_vote.stream_version < excluded.stream_version`,
        [articleId, version, voter, helpful, recorded.streamVersion],
      );
      articles.add(articleId);
    }
    for (const articleId of articles) await this.recount(tx, articleId);
  }

  private async recount(tx: EntityManager, articleId: string): Promise<void> {
    const [counts] = await tx.query<Counts[]>(
      `select count(*) filter (where helpful) as helpful, count(*) filter (where not helpful) as unhelpful from knowledge.article_vote where article_id = $1`,
      [articleId],
    );
    const [helpful, unhelpful] = [Number(counts?.helpful ?? 0), Number(counts?.unhelpful ?? 0)];
    await tx.query(
      `insert into knowledge.article_usage (article_id, helpful, unhelpful, helpfulness) values ($1, $2, $3, $4)
       on conflict (article_id) do update set helpful = excluded.helpful, unhelpful = excluded.unhelpful, helpfulness = excluded.helpfulness`,
      [articleId, helpful, unhelpful, helpfulnessOf(helpful, unhelpful)],
    );
  }
}
