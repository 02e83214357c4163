import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Reader } from '@collab/knowledge-domain';
import { CLOCK, type Clock } from '@collab/service-kit';
import { AUDIENCE_FILTER } from './article-search';
import { HEADLINE_CLOSE, HEADLINE_OPEN, fromHeadline, simpleSnippet } from './snippet';
import { simpleAnyQuery } from './search-text';
import type { SearchHit } from '../knowledge.answers';

export interface SuggestionRequest {
  /** A case's or contact's text. */
  readonly text: string;
  /** Articles tagged with it or filed under it rank higher. */
  readonly category?: string;
  readonly lang?: string;
  readonly limit: number;
}

/** A long text is matched by any of its words (stemmed in the row's language), not all of them as a search is. */
const anyOf = (config: string) => `regexp_replace(plainto_tsquery('${config}', $1)::text, ' (&|<->|<[0-9]+>) ', ' | ', 'g')`;
const ANY_QUERY = `case s.config when 'finnish' then nullif(${anyOf('finnish')}, '')::tsquery when 'english' then nullif(${anyOf('english')}, '')::tsquery
  else to_tsquery('simple', coalesce($4, '')) end`;

const HEADLINE = `case when s.config = 'simple' then null else ts_headline(s.config::regconfig, s.body, query,
  'StartSel=${HEADLINE_OPEN}, StopSel=${HEADLINE_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1') end`;

/** A category that names a tag or the node of an article weighs as much as a good title match. */
const CATEGORY_BONUS = `case when $6::text is not null and ($6 = any(s.tags) or s.node_id = $6) then 1 else 0 end`;

interface Row {
  article_id: string; knowledge_point_id: string; version: number; title: string; summary: string; type: string; language: string;
  node_id: string; tags: string[]; published_at: Date | string; body: string | null; headline: string | null; score: number;
}

/**
 * Articles for a case or a contact being written: published, in effect, and visible to the
 * caller's audience (the same filter as search, before anything is ranked), best match first.
 */
@Injectable()
export class ArticleSuggestions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, @Inject(CLOCK) private readonly clock: Clock) {}

  async suggest(request: SuggestionRequest, reader: Reader): Promise<SearchHit[]> {
    const text = [request.text, request.category ?? ''].join(' ').normalize('NFC');
    const category = request.category?.normalize('NFC').toLocaleLowerCase() ?? null;
    const params: unknown[] = [text, reader.audience, reader.partner ?? null, simpleAnyQuery(text) ?? null, this.clock.now(), category, request.limit];
    const language = request.lang ? `and (lower(s.language) = lower($8) or lower(s.language) like lower($8) || '-%')` : '';
    if (request.lang) params.push(request.lang);
    const rows = await this.dataSource.query<Row[]>(
      `select s.article_id, s.knowledge_point_id, s.version, s.title, s.summary, s.type, s.language, s.node_id, s.tags, s.published_at,
              case when s.config = 'simple' then s.body else null end as body, ${HEADLINE} as headline,
              ts_rank_cd(s.search, query) + ${CATEGORY_BONUS} as score
         from knowledge.article_search s cross join lateral (select ${ANY_QUERY} as query) q
        where ${AUDIENCE_FILTER} and query is not null and s.search @@ query
          and (s.effective_from is null or s.effective_from <= $5) and (s.expires_at is null or s.expires_at > $5) ${language}
        order by score desc, s.published_at desc, s.article_id
        limit $7`,
      params,
    );
    return rows.map((row) => ({
      id: row.article_id, knowledgePointId: row.knowledge_point_id, version: row.version, title: row.title, summary: row.summary, type: row.type,
      language: row.language, nodeId: row.node_id, tags: row.tags, publishedAt: new Date(row.published_at).toISOString(),
      snippet: row.headline === null ? simpleSnippet(row.body ?? '', request.text) : fromHeadline(row.headline), score: Number(row.score),
    }));
  }
}
