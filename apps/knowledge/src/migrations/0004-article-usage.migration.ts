import { sqlMigration } from '@collab/service-kit';

/**
 * Readers' "was this helpful" votes, one row per reader and article version (a changed mind
 * replaces the row), and per article the counts and the helpfulness search ranks by.
 */
export const ArticleUsage = sqlMigration('ArticleUsage1797120000000', [
  `create table if not exists knowledge.article_vote (
     article_id uuid not null, version int not null, voter text not null, helpful boolean not null, stream_version int not null,
     primary key (article_id, version, voter))`,
  `create table if not exists knowledge.article_usage (
     article_id uuid primary key, helpful int not null, unhelpful int not null, helpfulness double precision not null)`,
]);
