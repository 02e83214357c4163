import { specFor } from '@collab/domain-kernel';
import { articleResolutionDecider, type ArticleUsedToResolve, type LinkArticleToResolution } from './article-resolution.decider';

const link = { articleId: 'a-1', caseId: 'c-1', resolutionCode: 'REFUNDED', resolvedAt: '2026-11-20T09:30:00.000Z' };
const command = (overrides: Partial<LinkArticleToResolution['link']> = {}): LinkArticleToResolution => ({ type: 'LinkArticleToResolution', link: { ...link, ...overrides } });
const linked = (overrides: Partial<ArticleUsedToResolve['data']> = {}): ArticleUsedToResolve => ({ type: 'ArticleUsedToResolve', data: { ...link, ...overrides } });
const spec = specFor(articleResolutionDecider, { now: new Date(link.resolvedAt) });

describe('an article used to resolve a case', () => {
  it('is linked to the case', () => spec.given().when(command()).then(linked()));
  it('is linked once when the same resolution arrives again', () => spec.given(linked()).when(command()).then());
  it('is linked once when the case is resolved again after a reopening', () =>
    spec.given(linked()).when(command({ resolutionCode: 'EXPLAINED', resolvedAt: '2026-11-21T10:00:00.000Z' })).then());
});
