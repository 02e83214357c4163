import type { Decider } from '@collab/domain-kernel';

/**
 * 知识引用: an agent resolved a case using this article (workflow's CaseResolved names it). One
 * stream per article and case, so a redelivered resolution, or the same case resolved again after
 * a reopening, links the article to the case once.
 */
export interface ArticleUsedToResolve {
  readonly type: 'ArticleUsedToResolve';
  readonly data: {
    readonly articleId: string;
    readonly caseId: string;
    readonly resolutionCode: string;
    readonly resolvedAt: string;
  };
}

export interface LinkArticleToResolution {
  readonly type: 'LinkArticleToResolution';
  readonly link: ArticleUsedToResolve['data'];
}

export type ArticleResolutionState = { readonly status: 'none' } | { readonly status: 'linked' };

export const articleResolutionDecider: Decider<LinkArticleToResolution, ArticleUsedToResolve, ArticleResolutionState> = {
  initialState: () => ({ status: 'none' }),
  evolve: () => ({ status: 'linked' }),
  decide: (command, state) => (state.status === 'linked' ? [] : [{ type: 'ArticleUsedToResolve', data: command.link }]),
};

export const articleResolutionStreamId = (articleId: string, caseId: string): string => `article-resolution-${articleId}-${caseId}`;
