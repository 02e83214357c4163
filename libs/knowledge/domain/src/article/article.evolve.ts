import { assertNever } from '@collab/domain-kernel';
import type { ArticleContent } from './article-content';
import type { ArticleEvent } from './article.events';
import type { ArticleState, KnownArticle, PendingVersion } from './article.state';

const pendingOf = (state: ArticleState): PendingVersion | undefined =>
  state.status === 'none' || state.status === 'archived' ? undefined : state.pending;

const authorsAfter = (state: ArticleState, author: string): string[] => {
  const pending = pendingOf(state);
  const earlier = pending?.stage === 'draft' ? pending.authors : [];
  return earlier.includes(author) ? [...earlier] : [...earlier, author];
};

const withPending = (state: KnownArticle, pending: PendingVersion): ArticleState => {
  switch (state.status) {
    case 'draft':
    case 'in-review':
      return { ...state, status: pending.stage, pending, latestVersion: Math.max(state.latestVersion, pending.version) };
    case 'published':
    case 'expired':
      return { ...state, pending, latestVersion: Math.max(state.latestVersion, pending.version) };
    case 'archived':
      return state;
    default:
      return assertNever(state);
  }
};

const edited = (state: ArticleState, version: number, content: ArticleContent, author: string): ArticleState =>
  state.status === 'none' ? state : withPending(state, { version, content, stage: 'draft', authors: authorsAfter(state, author) });

const staged = (state: ArticleState, version: number, stage: PendingVersion['stage']): ArticleState => {
  const pending = pendingOf(state);
  return state.status === 'none' || state.status === 'archived' || pending?.version !== version ? state : withPending(state, { ...pending, stage });
};

const published = (state: ArticleState, version: number): ArticleState => {
  const pending = pendingOf(state);
  if (state.status === 'none' || state.status === 'archived' || pending?.version !== version) return state;
  const { articleId, knowledgePointId, latestVersion } = state;
  return { status: 'published', articleId, knowledgePointId, latestVersion, live: { version, content: pending.content } };
};

const archived = (state: ArticleState): ArticleState => {
  if (state.status === 'none') return state;
  const { articleId, knowledgePointId, latestVersion } = state;
  const live = 'live' in state ? state.live : undefined;
  return { status: 'archived', articleId, knowledgePointId, latestVersion, ...(live ? { live } : {}) };
};

const reviewFellDue = (state: ArticleState, version: number): ArticleState =>
  state.status === 'published' && state.live.version === version ? { ...state, reviewDue: true } : state;

export const evolveArticle = (state: ArticleState, event: ArticleEvent): ArticleState => {
  switch (event.type) {
    case 'ArticleDrafted': {
      const { articleId, knowledgePointId, version, content, author } = event.data;
      return { status: 'draft', articleId, knowledgePointId, latestVersion: version, pending: { version, content, stage: 'draft', authors: [author] } };
    }
    case 'ArticleEdited':
      return edited(state, event.data.version, event.data.content, event.data.author);
    case 'ArticleSubmitted':
      return staged(state, event.data.version, 'in-review');
    case 'ArticleRejected':
      return staged(state, event.data.version, 'draft');
    case 'ArticlePublished':
      return published(state, event.data.version);
    case 'ArticleExpired':
      return state.status === 'published' ? { ...state, status: 'expired' } : state;
    case 'ArticleReviewFellDue':
      return reviewFellDue(state, event.data.version);
    case 'ArticleArchived':
      return archived(state);
    default:
      return assertNever(event);
  }
};
