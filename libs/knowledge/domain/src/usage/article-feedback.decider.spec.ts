import { specFor } from '@collab/domain-kernel';
import { articleFeedbackDecider, helpfulnessOf, type ArticleFeedbackGiven, type GiveArticleFeedback } from './article-feedback.decider';

const now = new Date('2026-11-20T09:30:00.000Z');
const feedback = { articleId: 'a-1', knowledgePointId: 'a-1', version: 2, voter: 'customer-1', helpful: true };
const give = (overrides: Partial<GiveArticleFeedback['feedback']> = {}): GiveArticleFeedback => ({ type: 'GiveArticleFeedback', feedback: { ...feedback, ...overrides } });
const given = (overrides: Partial<ArticleFeedbackGiven['data']> = {}): ArticleFeedbackGiven => ({ type: 'ArticleFeedbackGiven', data: { ...feedback, givenAt: now.toISOString(), ...overrides } });
const spec = specFor(articleFeedbackDecider, { now });

describe('a reader telling whether an article version helped', () => {
  it('is recorded', () => spec.given().when(give()).then(given()));
  it('records nothing more when the same answer is sent again', () => spec.given(given()).when(give()).then());
  it('replaces the vote when the reader changes their mind', () => spec.given(given()).when(give({ helpful: false })).then(given({ helpful: false })));
});

describe('helpfulness', () => {
  it('is one half without votes, and more yes votes rank higher', () => {
    expect(helpfulnessOf(0, 0)).toBe(0.5);
    expect(helpfulnessOf(2, 0)).toBeGreaterThan(helpfulnessOf(1, 0));
    expect(helpfulnessOf(0, 1)).toBeLessThan(helpfulnessOf(0, 0));
  });
});
