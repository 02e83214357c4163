import type { ArticleContent } from './article-content';

/** How the application found the knowledge-map node a version names. */
export type NodeStanding = 'active' | 'retired' | 'none';

export interface DraftArticle {
  readonly type: 'DraftArticle';
  readonly articleId: string;
  /** The article's own id, or the knowledge point of the article it translates. */
  readonly knowledgePointId: string;
  /** Languages the knowledge point already has in other articles: a translation adds a new one. */
  readonly pointLanguages: readonly string[];
  readonly content: ArticleContent;
  readonly author: string;
  readonly nodeStanding: NodeStanding;
}

export interface EditArticle {
  readonly type: 'EditArticle';
  readonly articleId: string;
  readonly content: ArticleContent;
  readonly author: string;
  readonly nodeStanding: NodeStanding;
}

export interface SubmitArticle {
  readonly type: 'SubmitArticle';
  readonly articleId: string;
  readonly by: string;
}

export interface ApproveArticle {
  readonly type: 'ApproveArticle';
  readonly articleId: string;
  readonly reviewer: string;
}

export interface RejectArticle {
  readonly type: 'RejectArticle';
  readonly articleId: string;
  readonly reviewer: string;
  readonly reason: string;
}

export interface ArchiveArticle {
  readonly type: 'ArchiveArticle';
  readonly articleId: string;
  readonly by: string;
  readonly reason?: string;
}

/** Sent when the published version's expiry date has come (by the expiry timer, later). */
export interface ExpireArticle {
  readonly type: 'ExpireArticle';
  readonly articleId: string;
}

/** Sent by the review timer when the published version's review date has come. */
export interface RecordReviewDue {
  readonly type: 'RecordReviewDue';
  readonly articleId: string;
  readonly version: number;
  readonly dueAt: string;
}

export type ArticleCommand =
  | DraftArticle
  | EditArticle
  | SubmitArticle
  | ApproveArticle
  | RejectArticle
  | ArchiveArticle
  | ExpireArticle
  | RecordReviewDue;
