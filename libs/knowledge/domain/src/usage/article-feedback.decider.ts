import type { Decider, DecisionContext } from '@collab/domain-kernel';

/**
 * "Was this helpful?": a reader's yes or no on one version of an article. Each reader has one vote
 * per version (one stream each), so sending the same answer again records nothing, and a changed
 * mind replaces the vote instead of adding one. Helpfulness ranks equally relevant search results.
 */
export interface ArticleFeedbackGiven {
  readonly type: 'ArticleFeedbackGiven';
  readonly data: {
    readonly articleId: string;
    readonly knowledgePointId: string;
    readonly version: number;
    /** The reader's subject: what makes the vote one per reader. */
    readonly voter: string;
    readonly helpful: boolean;
    readonly givenAt: string;
  };
}

export interface GiveArticleFeedback {
  readonly type: 'GiveArticleFeedback';
  readonly feedback: Omit<ArticleFeedbackGiven['data'], 'givenAt'>;
}

export type ArticleFeedbackState = { readonly status: 'none' } | { readonly status: 'given'; readonly helpful: boolean };

export const articleFeedbackDecider: Decider<GiveArticleFeedback, ArticleFeedbackGiven, ArticleFeedbackState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => ({ status: 'given', helpful: event.data.helpful }),
  decide: (command, state, { now }: DecisionContext) =>
    state.status === 'given' && state.helpful === command.feedback.helpful
      ? []
      : [{ type: 'ArticleFeedbackGiven', data: { ...command.feedback, givenAt: now.toISOString() } }],
};

/** The voter's subject is free text from a token, so it is kept out of the stream id by a digest the app computes. */
export const articleFeedbackStreamId = (articleId: string, version: number, voterKey: string): string => `article-feedback-${articleId}-v${version}-${voterKey}`;

/**
 * Where helpfulness ranks: the share of helpful votes with one of each assumed (Laplace), so an
 * article with no votes sits at ½, and two yes outrank one.
 */
export const helpfulnessOf = (helpful: number, unhelpful: number): number => (helpful + 1) / (helpful + unhelpful + 2);
