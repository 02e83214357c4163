import type { ArticleContent } from './article-content';

export interface ArticleVersion {
  readonly version: number;
  readonly content: ArticleContent;
}

/** The version being written or reviewed; everyone who wrote any of it since the last publication is an author. */
export interface PendingVersion extends ArticleVersion {
  readonly stage: 'draft' | 'in-review';
  readonly authors: readonly string[];
}

interface Known {
  readonly articleId: string;
  readonly knowledgePointId: string;
  readonly latestVersion: number;
}

/**
 * draft → in-review → published → expired | archived. A published (or expired) article may carry
 * a pending new version; readers keep seeing `live` until that one is published. `reviewDue`: the
 * live version's review date came (cleared by the next publication).
 */
export type ArticleState =
  | { readonly status: 'none' }
  | (Known & { readonly status: 'draft' | 'in-review'; readonly pending: PendingVersion })
  | (Known & { readonly status: 'published' | 'expired'; readonly live: ArticleVersion; readonly pending?: PendingVersion; readonly reviewDue?: boolean })
  | (Known & { readonly status: 'archived'; readonly live?: ArticleVersion });

export type ArticleStatus = ArticleState['status'];
export type KnownArticle = Exclude<ArticleState, { status: 'none' }>;
