import type { ArticleContent } from './article-content';

/**
 * Every event that makes a version carries that version's whole content: every version is kept
 * and can be shown, as it was written, from the article's stream alone.
 */
export interface ArticleDrafted {
  readonly type: 'ArticleDrafted';
  readonly data: {
    readonly articleId: string;
    /** Translations share one knowledge point; an article that translates none starts its own (its own id). */
    readonly knowledgePointId: string;
    readonly version: number;
    readonly content: ArticleContent;
    readonly author: string;
    readonly draftedAt: string;
  };
}

/** A new version: of the draft being written, or a new draft over the published version (which stays visible). */
export interface ArticleEdited {
  readonly type: 'ArticleEdited';
  readonly data: {
    readonly articleId: string;
    readonly version: number;
    /** The version this one was written from. */
    readonly basedOn: number;
    readonly content: ArticleContent;
    readonly author: string;
    readonly editedAt: string;
  };
}

export interface ArticleSubmitted {
  readonly type: 'ArticleSubmitted';
  readonly data: { readonly articleId: string; readonly version: number; readonly by: string; readonly submittedAt: string };
}

/** A reviewer sent the version back to its authors; it is a draft again. */
export interface ArticleRejected {
  readonly type: 'ArticleRejected';
  readonly data: { readonly articleId: string; readonly version: number; readonly by: string; readonly reason: string; readonly rejectedAt: string };
}

/**
 * A reviewer who wrote none of it approved the version; readers now see it instead of the one it
 * supersedes. It carries the version's content, so what follows publications needs no other event.
 */
export interface ArticlePublished {
  readonly type: 'ArticlePublished';
  readonly data: {
    readonly articleId: string;
    readonly knowledgePointId: string;
    readonly version: number;
    readonly content: ArticleContent;
    readonly supersedes?: number;
    readonly approvedBy: string;
    readonly publishedAt: string;
  };
}

/** The published version reached its expiry date; readers no longer see it. */
export interface ArticleExpired {
  readonly type: 'ArticleExpired';
  readonly data: { readonly articleId: string; readonly version: number; readonly expiredAt: string };
}

/** The published version's review date came (publication + review interval): it waits in the review queue for an editor. */
export interface ArticleReviewFellDue {
  readonly type: 'ArticleReviewFellDue';
  readonly data: { readonly articleId: string; readonly version: number; readonly dueAt: string; readonly fellDueAt: string };
}

/** Withdrawn for good; its versions stay in the log and in the history. */
export interface ArticleArchived {
  readonly type: 'ArticleArchived';
  readonly data: { readonly articleId: string; readonly by: string; readonly reason?: string; readonly archivedAt: string };
}

export type ArticleEvent =
  | ArticleDrafted
  | ArticleEdited
  | ArticleSubmitted
  | ArticleRejected
  | ArticlePublished
  | ArticleExpired
  | ArticleReviewFellDue
  | ArticleArchived;

export const ARTICLE_EVENT_TYPES: readonly ArticleEvent['type'][] = [
  'ArticleDrafted',
  'ArticleEdited',
  'ArticleSubmitted',
  'ArticleRejected',
  'ArticlePublished',
  'ArticleExpired',
  'ArticleReviewFellDue',
  'ArticleArchived',
];
