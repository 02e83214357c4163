import { evolveEffectiveness, helpfulnessRate, neverHelped, NO_USAGE, type ArticleEffectiveness, type RecordedUsage } from './article-effectiveness';

const at = '2026-11-20T09:30:00.000Z';
const article = { articleId: 'a-1', knowledgePointId: 'a-1' };

const viewed = (viewId = 'v-1'): RecordedUsage => ({ event: { type: 'ArticleViewed', data: { ...article, viewId, version: 1, audience: 'EXTERNAL', viewedAt: at } }, streamVersion: 1 });
/** `nth`: the event's place on the reader's vote stream (2 and later are changed minds). */
const voted = (helpful: boolean, nth = 1): RecordedUsage => ({
  event: { type: 'ArticleFeedbackGiven', data: { ...article, version: 1, voter: 'customer-1', helpful, givenAt: at } },
  streamVersion: nth,
});
const selfServed = (): RecordedUsage => ({ event: { type: 'SelfServiceResolved', data: { ...article, resolutionId: 'r-1', articleVersion: 1, customerId: 'customer-1', resolvedAt: at } }, streamVersion: 1 });
const usedToResolve = (caseId = 'c-1'): RecordedUsage => ({ event: { type: 'ArticleUsedToResolve', data: { articleId: 'a-1', caseId, resolutionCode: 'REFUNDED', resolvedAt: at } }, streamVersion: 1 });

const given = (...history: RecordedUsage[]) => ({
  then: (expected: Partial<ArticleEffectiveness>) => expect(history.reduce(evolveEffectiveness, NO_USAGE)).toEqual({ ...NO_USAGE, ...expected }),
});

describe("an article's effectiveness, folded from its usage", () => {
  it('is nothing before anyone read it', () => given().then({}));
  it('counts every view', () => given(viewed('v-1'), viewed('v-2'), viewed('v-3')).then({ views: 3 }));
  it('counts each vote', () => given(voted(true), voted(false)).then({ helpful: 1, unhelpful: 1 }));
  it('moves a reader’s vote when they change their mind, never counting them twice', () =>
    given(voted(true, 1), voted(false, 2)).then({ helpful: 0, unhelpful: 1 }));
  it('moves it back when they change their mind again', () => given(voted(true, 1), voted(false, 2), voted(true, 3)).then({ helpful: 1, unhelpful: 0 }));
  it('counts the cases resolved with it and the needs customers solved with it', () =>
    given(usedToResolve('c-1'), usedToResolve('c-2'), selfServed()).then({ usedToResolve: 2, selfServiceResolutions: 1 }));
});

describe('helpfulness rate', () => {
  it('is unknown until someone voted', () => expect(helpfulnessRate(NO_USAGE)).toBeNull());
  it('is the share of votes that said it helped', () => expect(helpfulnessRate({ ...NO_USAGE, helpful: 3, unhelpful: 1 })).toBe(0.75));
});

describe('an article that never helped', () => {
  it.each<[string, Partial<ArticleEffectiveness>, boolean]>([
    ['read and voted down only', { views: 40, unhelpful: 3 }, true],
    ['read, never judged', { views: 40 }, true],
    ['voted helpful once', { views: 40, helpful: 1 }, false],
    ['used to resolve a case', { views: 40, usedToResolve: 1 }, false],
    ['solved a customer’s need', { views: 40, selfServiceResolutions: 1 }, false],
  ])('%s: %s', (_, usage, expected) => expect(neverHelped({ ...NO_USAGE, ...usage })).toBe(expected));
});
