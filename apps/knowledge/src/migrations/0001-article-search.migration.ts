import { sqlMigration } from '@collab/service-kit';

/**
 * Knowledge's first read models: which knowledge point and language each article has (drafts
 * included), and the search index of published versions, its tsvector built per row in the
 * configuration of the row's language.
 */
export const ArticleSearch = sqlMigration('ArticleSearch1796860800000', [
  `create table if not exists knowledge.article_point (
     article_id uuid primary key, knowledge_point_id uuid not null, language text not null, version int not null)`,
  `create index if not exists article_point_point on knowledge.article_point (knowledge_point_id)`,
  `create table if not exists knowledge.article_search (
     article_id uuid primary key, knowledge_point_id uuid not null, version int not null,
     language text not null, config text not null, type text not null, node_id text not null,
     tags text[] not null, audiences text[] not null, partners text[],
     title text not null, summary text not null, body text not null,
     effective_from timestamptz, expires_at timestamptz, published_at timestamptz not null,
     search tsvector not null, stream_version int not null)`,
  `create index if not exists article_search_terms on knowledge.article_search using gin (search)`,
]);
