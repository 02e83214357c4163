import type { SelfServiceResolved } from '../self-service/self-service.decider';
import type { ArticleUsedToResolve } from './article-resolution.decider';
import type { ArticleFeedbackGiven } from './article-feedback.decider';
import type { ArticleViewed } from './article-view';

/** Everything that tells how an article serves its readers. */
export type UsageEvent = ArticleViewed | ArticleFeedbackGiven | SelfServiceResolved | ArticleUsedToResolve;
export const USAGE_EVENT_TYPES = ['ArticleViewed', 'ArticleFeedbackGiven', 'SelfServiceResolved', 'ArticleUsedToResolve'] as const satisfies readonly UsageEvent['type'][];

/**
 * A usage event as its stream recorded it. The stream version matters for votes: the feedback
 * decider records only a changed answer, so after a reader's first vote every event on their
 * stream turns the vote around.
 */
export interface RecordedUsage {
  readonly event: UsageEvent;
  readonly streamVersion: number;
}

/** 知识效果: how often an article was read, judged, and used to solve a need, over all its versions. */
export interface ArticleEffectiveness {
  readonly views: number;
  readonly helpful: number;
  readonly unhelpful: number;
  /** Cases an agent resolved citing it, each case once. */
  readonly usedToResolve: number;
  /** Customers who answered "this solved it" without opening a case. */
  readonly selfServiceResolutions: number;
}

export const NO_USAGE: ArticleEffectiveness = { views: 0, helpful: 0, unhelpful: 0, usedToResolve: 0, selfServiceResolutions: 0 };

/** A changed mind moves the reader's vote from one count to the other. */
const voted = (state: ArticleEffectiveness, helpful: boolean, changedMind: boolean): ArticleEffectiveness => {
  const moved = changedMind ? 1 : 0;
  return helpful
    ? { ...state, helpful: state.helpful + 1, unhelpful: Math.max(0, state.unhelpful - moved) }
    : { ...state, unhelpful: state.unhelpful + 1, helpful: Math.max(0, state.helpful - moved) };
};

export const evolveEffectiveness = (state: ArticleEffectiveness, { event, streamVersion }: RecordedUsage): ArticleEffectiveness => {
  switch (event.type) {
    case 'ArticleViewed':
      return { ...state, views: state.views + 1 };
    case 'ArticleFeedbackGiven':
      return voted(state, event.data.helpful, streamVersion > 1);
    case 'SelfServiceResolved':
      return { ...state, selfServiceResolutions: state.selfServiceResolutions + 1 };
    case 'ArticleUsedToResolve':
      return { ...state, usedToResolve: state.usedToResolve + 1 };
  }
};

export const articleOfUsage = (event: UsageEvent): string => event.data.articleId;

/** The share of readers' votes that said it helped; null until someone voted. */
export const helpfulnessRate = ({ helpful, unhelpful }: ArticleEffectiveness): number | null => (helpful + unhelpful === 0 ? null : helpful / (helpful + unhelpful));

/** Read, yet nobody said it helped, no case was resolved with it and nobody solved their need with it. */
export const neverHelped = (usage: ArticleEffectiveness): boolean => usage.helpful === 0 && usage.usedToResolve === 0 && usage.selfServiceResolutions === 0;
