import type { ArticleAudience } from '../article/article-content';

/**
 * A reader opened a published article version. Views are many and need no decision, so they are
 * kept off the article's stream: one stream per article and UTC day (`articleViewsStreamId`), and
 * the app derives each event's id from the article and the client's view id, so a retried view
 * is the same event and is recorded once.
 */
export interface ArticleViewed {
  readonly type: 'ArticleViewed';
  readonly data: {
    /** Chosen by the client (or the service when it sends none): what makes a retry the same view. */
    readonly viewId: string;
    readonly articleId: string;
    readonly knowledgePointId: string;
    readonly version: number;
    /** The reader's audience; who read it is only in the metadata (the audit), as for every request. */
    readonly audience: ArticleAudience;
    /** The channel the reader was in, when a channel or the client said so. */
    readonly channel?: string;
    readonly viewedAt: string;
  };
}

export type ArticleView = Omit<ArticleViewed['data'], 'viewedAt'>;

export const articleViewed = (view: ArticleView, now: Date): ArticleViewed => ({ type: 'ArticleViewed', data: { ...view, viewedAt: now.toISOString() } });

/** The day's views of one article: a popular article's stream grows by the day, not forever. */
export const articleViewsStreamId = (articleId: string, viewedAt: string): string => `article-views-${articleId}-${viewedAt.slice(0, 10)}`;
