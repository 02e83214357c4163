import { sqlMigration } from '@collab/service-kit';

/**
 * Per article, the fold of its usage (views, votes, cases resolved with it, self-service
 * resolutions) and the log position it was folded to. The partial index serves the list of
 * articles read often that never helped, most read first.
 */
export const ArticleEffectiveness = sqlMigration('ArticleEffectiveness1797206400000', [
  `create table if not exists knowledge.article_effectiveness (
     article_id uuid primary key, views int not null, helpful int not null, unhelpful int not null,
     used_to_resolve int not null, self_service int not null, position bigint not null)`,
  `create index if not exists article_effectiveness_never_helped on knowledge.article_effectiveness (views desc, article_id)
     where helpful = 0 and used_to_resolve = 0 and self_service = 0`,
]);
