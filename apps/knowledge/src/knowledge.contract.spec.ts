import { articleArchivedV1, articleExpiredV1, articlePublishedV1, type PublicEvent } from '@collab/contracts';
import { fold, type DomainEvent } from '@collab/domain-kernel';
import { articleDecider, type ArticleCommand, type ArticleEvent } from '@collab/knowledge-domain';
import { knowledgeContract } from './knowledge.contract';

const articleId = '0b7c2f5e-4d0a-4c39-9a51-6f1e2d3c4b5a';
const content = {
  title: 'Virheellinen summa laskussa', body: 'Tarkista erittely.', summary: 'Kun lasku on väärä', type: 'POLICY' as const, nodeId: 'billing',
  audiences: ['EXTERNAL' as const, 'PARTNER' as const], partners: ['reseller-1'], language: 'fi', tags: ['lasku'], expiresAt: '2027-01-01', reviewIntervalDays: 90,
};

/** Runs commands through the real decider from an empty stream: the events a live article really stores. */
const history = (...commands: ArticleCommand[]): ArticleEvent[] =>
  commands.reduce<ArticleEvent[]>((events, command, index) => [
    ...events,
    ...articleDecider.decide(command, fold(articleDecider, events), { now: new Date(Date.UTC(2026, 10, 20, 9, index)) }),
  ], []);

const published = history(
  { type: 'DraftArticle', articleId, knowledgePointId: articleId, pointLanguages: [], content, author: 'editor-1', nodeStanding: 'active' },
  { type: 'SubmitArticle', articleId, by: 'editor-1' },
  { type: 'ApproveArticle', articleId, reviewer: 'reviewer-1' },
);

const publicFormOf = (event: DomainEvent, expected: PublicEvent) => {
  const publication = knowledgeContract.toPublic(event as { type: string; data: object });
  expect(publication?.event).toBe(expected);
  return expected.data.parse(publication?.data);
};

describe("knowledge's contract, on what its decider really decides", () => {
  it('publishes a publication with its content but not its body', () => {
    const event = published.at(-1)!;
    expect(publicFormOf(event, articlePublishedV1)).toEqual({
      articleId, knowledgePointId: articleId, version: 1, approvedBy: 'reviewer-1', publishedAt: '2026-11-20T09:02:00.000Z',
      title: content.title, summary: content.summary, type: 'POLICY', nodeId: 'billing', audiences: ['EXTERNAL', 'PARTNER'], partners: ['reseller-1'],
      language: 'fi', tags: ['lasku'], expiresAt: '2027-01-01', reviewIntervalDays: 90,
    });
  });

  it('publishes expiry and archiving', () => {
    const expired = articleDecider.decide({ type: 'ExpireArticle', articleId }, fold(articleDecider, published), { now: new Date('2027-01-02T00:00:00Z') });
    expect(publicFormOf(expired[0]!, articleExpiredV1)).toEqual({ articleId, version: 1, expiredAt: '2027-01-02T00:00:00.000Z' });
    const archived = articleDecider.decide({ type: 'ArchiveArticle', articleId, by: 'editor-1', reason: 'vanhentunut' }, fold(articleDecider, published), { now: new Date('2027-01-02T00:00:00Z') });
    expect(publicFormOf(archived[0]!, articleArchivedV1)).toEqual({ articleId, archivedBy: 'editor-1', reason: 'vanhentunut', archivedAt: '2027-01-02T00:00:00.000Z' });
  });

  it('keeps drafts, edits and reviews inside', () => {
    expect(published.slice(0, 2).map((event) => knowledgeContract.toPublic(event))).toEqual([undefined, undefined]);
  });
});
