import { sqlMigration } from '@collab/service-kit';

/**
 * The Latin-script words of published articles, with a trigram index: a query word that is not
 * among them is also matched by its nearest words (small typos). pg_trgm is in PostgreSQL's contrib
 * and in PGlite (loaded by the embedded database). Backfilled from the index already built.
 */
export const SearchVocabulary = sqlMigration('SearchVocabulary1797033600000', [
  `create extension if not exists pg_trgm`,
  `create table if not exists knowledge.search_word (word text primary key)`,
  `create index if not exists search_word_trigrams on knowledge.search_word using gin (word gin_trgm_ops)`,
  `insert into knowledge.search_word (word)
     select distinct w from knowledge.article_search s,
       regexp_split_to_table(lower(s.title || ' ' || s.summary || ' ' || s.body), '[^a-zà-ɏ]+') as w
     where length(w) between 3 and 40
   on conflict do nothing`,
]);
