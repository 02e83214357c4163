import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ValidationFailed } from '@collab/domain-kernel';
import { helpfulnessRate, NO_USAGE, type ArticleEffectiveness } from '@collab/knowledge-domain';
import { keyAfter, pageFromRows, type ListPage } from '@collab/service-kit';
import type { ArticleEffectivenessAnswer, UnhelpfulArticle } from '../knowledge.answers';
import type { UnhelpfulQuery } from './effectiveness.request';

interface UsageRow {
  views: number;
  helpful: number;
  unhelpful: number;
  used_to_resolve: number;
  self_service: number;
}

interface UnhelpfulRow {
  article_id: string;
  title: string;
  language: string;
  node_id: string;
  views: number;
  unhelpful: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The list's order is (views descending, article); a cursor holds the last shown entry's pair. */
const keyOf = (row: UnhelpfulRow): string => `${row.views}|${row.article_id}`;
const pairAfter = (after: string | undefined): [number, string] | undefined => {
  const key = keyAfter(after);
  if (key === undefined) return undefined;
  const [views, id] = key.split('|');
  if (views === undefined || id === undefined || !/^\d+$/.test(views) || !UUID.test(id)) throw new ValidationFailed([{ field: 'after', message: 'must be a cursor from an earlier page' }]);
  return [Number(views), id];
};

const NEVER_HELPED_SQL = `select e.article_id, s.title, s.language, s.node_id, e.views, e.unhelpful
   from knowledge.article_effectiveness e join knowledge.article_search s on s.article_id = e.article_id
  where e.helpful = 0 and e.used_to_resolve = 0 and e.self_service = 0 and e.views >= $1
    and ($3::int is null or e.views < $3 or (e.views = $3 and e.article_id > $4::uuid))
  order by e.views desc, e.article_id limit $2`;

/** Reads the effectiveness read model (knowledge.article_effectiveness); the caller has checked who may see the article. */
@Injectable()
export class ArticleEffectivenessReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(articleId: string): Promise<ArticleEffectivenessAnswer> {
    const [row] = await this.dataSource.query<UsageRow[]>(
      'select views, helpful, unhelpful, used_to_resolve, self_service from knowledge.article_effectiveness where article_id = $1',
      [articleId],
    );
    const usage: ArticleEffectiveness = row
      ? { views: row.views, helpful: row.helpful, unhelpful: row.unhelpful, usedToResolve: row.used_to_resolve, selfServiceResolutions: row.self_service }
      : NO_USAGE;
    return { articleId, ...usage, helpfulnessRate: helpfulnessRate(usage) };
  }

  /** Published articles read at least `minViews` times that never helped anyone, most read first. */
  async neverHelped(query: UnhelpfulQuery): Promise<ListPage<UnhelpfulArticle>> {
    const after = pairAfter(query.after);
    const rows = await this.dataSource.query<UnhelpfulRow[]>(NEVER_HELPED_SQL, [query.minViews, query.limit + 1, after?.[0] ?? null, after?.[1] ?? null]);
    return pageFromRows(rows, query, keyOf, (row) => ({ articleId: row.article_id, title: row.title, language: row.language, nodeId: row.node_id, views: row.views, unhelpful: row.unhelpful }));
  }
}
