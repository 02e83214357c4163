import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@collab/event-store';
import { articleOfUsage, evolveEffectiveness, NO_USAGE, USAGE_EVENT_TYPES, type ArticleEffectiveness, type UsageEvent } from '@collab/knowledge-domain';
import { Projection } from '@collab/service-kit';

interface Row {
  article_id: string;
  views: number;
  helpful: number;
  unhelpful: number;
  used_to_resolve: number;
  self_service: number;
  position: string;
}

interface Folded {
  usage: ArticleEffectiveness;
  position: bigint;
}

const foldedOf = (row: Row): Folded => ({
  usage: { views: row.views, helpful: row.helpful, unhelpful: row.unhelpful, usedToResolve: row.used_to_resolve, selfServiceResolutions: row.self_service },
  position: BigInt(row.position),
});

const UPSERT = `insert into knowledge.article_effectiveness (article_id, views, helpful, unhelpful, used_to_resolve, self_service, position)
  values ($1, $2, $3, $4, $5, $6, $7)
  on conflict (article_id) do update set views = excluded.views, helpful = excluded.helpful, unhelpful = excluded.unhelpful,
    used_to_resolve = excluded.used_to_resolve, self_service = excluded.self_service, position = excluded.position
  where knowledge.article_effectiveness.position < excluded.position`;

/**
 * Each article's effectiveness: the domain's fold of its views, votes, resolutions and
 * self-service answers. A row keeps the log position it was folded to and takes only later
 * events, so a batch applied twice gives the same rows, and one query per batch loads them.
 */
@Injectable()
export class ArticleEffectivenessProjection extends Projection {
  readonly name = 'knowledge.article-effectiveness';
  readonly log = 'knowledge';
  readonly handles = USAGE_EVENT_TYPES;
  readonly tables = ['knowledge.article_effectiveness'];

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    const byArticle = new Map<string, RecordedEvent[]>();
    for (const recorded of events) {
      const articleId = articleOfUsage(recorded as unknown as UsageEvent);
      byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), recorded]);
    }
    const rows = await tx.query<Row[]>('select * from knowledge.article_effectiveness where article_id = any($1::uuid[])', [[...byArticle.keys()]]);
    const stored = new Map(rows.map((row) => [row.article_id, foldedOf(row)]));
    for (const [articleId, recorded] of byArticle) {
      const { usage, position } = recorded.reduce<Folded>(
        (folded, event) =>
          event.position <= folded.position ? folded : { usage: evolveEffectiveness(folded.usage, { event: event as unknown as UsageEvent, streamVersion: event.streamVersion }), position: event.position },
        stored.get(articleId) ?? { usage: NO_USAGE, position: 0n },
      );
      await tx.query(UPSERT, [articleId, usage.views, usage.helpful, usage.unhelpful, usage.usedToResolve, usage.selfServiceResolutions, position.toString()]);
    }
  }
}
