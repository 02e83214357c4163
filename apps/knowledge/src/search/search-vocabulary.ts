import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isNearMiss } from './latin-query';

/** Latin-script words as the vocabulary keeps them: lower case, 3 to 40 letters. */
export const vocabularyOf = (texts: readonly string[]): string[] => [
  ...new Set(texts.join(' ').normalize('NFC').toLowerCase().match(/[a-zà-ɏ]{3,40}/gu) ?? []),
];

/** Adds a published version's words; words are never removed (a stale one only widens a query that has no better match). */
export const recordVocabulary = async (tx: EntityManager, texts: readonly string[]): Promise<void> => {
  const words = vocabularyOf(texts);
  if (words.length > 0) await tx.query(`insert into knowledge.search_word (word) select unnest($1::text[]) on conflict do nothing`, [words]);
};

interface NearRow {
  asked: string;
  near: string;
}

/**
 * Typo tolerance over knowledge.search_word (pg_trgm on PostgreSQL and PGlite alike): a query word
 * that no article contains is matched also by its nearest known words — trigram-similar
 * candidates from the index, kept when they are within one or two edits.
 */
@Injectable()
export class SearchVocabulary {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async nearMisses(words: readonly string[]): Promise<ReadonlyMap<string, string[]>> {
    if (words.length === 0) return new Map();
    const rows = await this.dataSource.query<NearRow[]>(
      `select q.word as asked, v.word as near
         from unnest($1::text[]) as q(word)
         cross join lateral (select w.word from knowledge.search_word w where w.word % q.word and w.word <> q.word
                              order by similarity(w.word, q.word) desc limit 5) v
        where not exists (select 1 from knowledge.search_word e where e.word = q.word)`,
      [words],
    );
    const near = new Map<string, string[]>();
    for (const { asked, near: known } of rows) if (isNearMiss(asked, known)) near.set(asked, [...(near.get(asked) ?? []), known]);
    return near;
  }
}
