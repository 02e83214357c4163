import type { ArticleContent, ArticleState, KnownArticle, PendingVersion, VersionStage } from '@collab/knowledge-domain';

/** An article as a reader sees it: its published version. */
export interface PublishedArticleView extends ArticleContent {
  readonly id: string;
  readonly knowledgePointId: string;
  readonly status: 'published';
  readonly version: number;
}

/** An article as an editor or reviewer sees it: the live version if any, and the version being written or reviewed. */
export interface EditorArticleView {
  readonly id: string;
  readonly knowledgePointId: string;
  readonly status: KnownArticle['status'];
  readonly latestVersion: number;
  readonly live?: ArticleContent & { readonly version: number };
  readonly pending?: ArticleContent & { readonly version: number; readonly stage: PendingVersion['stage']; readonly authors: readonly string[] };
}

export interface VersionView extends ArticleContent {
  readonly version: number;
  readonly basedOn?: number;
  readonly author: string;
  readonly writtenAt: string;
  readonly stage: VersionStage;
  readonly publishedAt?: string;
  readonly approvedBy?: string;
}

export const editorViewOf = (state: KnownArticle): EditorArticleView => {
  const live = 'live' in state ? state.live : undefined;
  const pending = state.status === 'archived' ? undefined : state.pending;
  return {
    id: state.articleId,
    knowledgePointId: state.knowledgePointId,
    status: state.status,
    latestVersion: state.latestVersion,
    ...(live ? { live: { version: live.version, ...live.content } } : {}),
    ...(pending ? { pending: { version: pending.version, stage: pending.stage, authors: pending.authors, ...pending.content } } : {}),
  };
};

export const publishedViewOf = (state: ArticleState): PublishedArticleView | undefined =>
  state.status === 'published'
    ? { id: state.articleId, knowledgePointId: state.knowledgePointId, status: 'published', version: state.live.version, ...state.live.content }
    : undefined;
