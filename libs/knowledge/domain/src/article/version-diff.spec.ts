import { versionsOf } from './article-history';
import * as f from './article.fixtures';
import { content } from './article.fixtures';
import { lineDiff, versionDiff } from './version-diff';
import { visibleTo } from './article-audience';

describe('the diff between two versions', () => {
  it('keeps common lines and shows removed and added ones in order', () =>
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'added', text: 'x' },
      { op: 'same', text: 'd' },
    ]));

  it('names changed fields with old and new values, and leaves equal ones out', () => {
    const diff = versionDiff(
      { version: 1, content: content() },
      { version: 3, content: content({ title: '新标题', tags: ['roaming'], expiresAt: '2027-01-01' }) },
    );
    expect(diff.fields).toEqual([
      { field: 'title', from: '国际漫游账单金额错误', to: '新标题' },
      { field: 'tags', from: ['roaming', 'billing'], to: ['roaming'] },
      { field: 'expiresAt', to: '2027-01-01' },
    ]);
    expect(diff.body.every((line) => line.op === 'same')).toBe(true);
  });
});

describe('who sees an article', () => {
  const partnerOnly = { audiences: ['PARTNER'] as const, partners: ['reseller-1'] };
  it.each([
    ['a customer', { audience: 'EXTERNAL' as const }, { audiences: ['INTERNAL', 'PARTNER'] as const }, false],
    ['a customer', { audience: 'EXTERNAL' as const }, { audiences: ['EXTERNAL'] as const }, true],
    ['staff', { audience: 'INTERNAL' as const }, partnerOnly, true],
    ['the named partner', { audience: 'PARTNER' as const, partner: 'reseller-1' }, partnerOnly, true],
    ['another partner', { audience: 'PARTNER' as const, partner: 'reseller-2' }, partnerOnly, false],
    ['a partner', { audience: 'PARTNER' as const, partner: 'reseller-2' }, { audiences: ['INTERNAL'] as const }, false],
  ])('%s reading %j → %s', (_, reader, article, visible) => expect(visibleTo(reader, article)).toBe(visible));
});

describe('the versions of an article', () => {
  it('keeps every version with where it stands', () => {
    const stages = versionsOf([
      f.articleDrafted(), f.articleSubmitted(1), f.articleRejected(1), f.articleEdited(2, 1), f.articleSubmitted(2), f.articlePublished(2),
      f.articleEdited(3, 2, { content: content({ title: 'v3' }) }), f.articleSubmitted(3), f.articlePublished(3, 2),
      f.articleEdited(4, 3, { content: content({ title: 'v4' }) }),
    ]).map((record) => [record.version, record.stage]);
    expect(stages).toEqual([[1, 'superseded'], [2, 'superseded'], [3, 'published'], [4, 'draft']]);
  });
});
