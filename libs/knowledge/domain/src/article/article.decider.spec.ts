import { Forbidden, IllegalTransition, ValidationFailed, fold, specFor } from '@collab/domain-kernel';
import { articleDecider } from './article.decider';
import type { ArticleEvent } from './article.events';
import {
  approveArticle, articleDrafted, articleEdited, articlePublished, articleRejected, articleSubmitted, content,
  draftArticle, editArticle, now, rejectArticle, revised, submitArticle,
} from './article.fixtures';

const spec = specFor(articleDecider, { now });
const errorsOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors;
    throw error;
  }
  throw new Error('expected ValidationFailed');
};
const decide = (history: ArticleEvent[], command: Parameters<typeof articleDecider.decide>[0]) =>
  () => articleDecider.decide(command, fold(articleDecider, history), { now });

describe('drafting an article', () => {
  it('stores NFC texts, lower-cased unique tags and audiences in their canonical order', () =>
    spec.given()
      .when(draftArticle({ content: content({ title: ' Laskun virhe ', summary: 'Kun lasku on va\u0308a\u0308ra\u0308', tags: ['Lasku', 'lasku'], audiences: ['INTERNAL', 'EXTERNAL'] }) }))
      .then(articleDrafted({ content: content({ title: 'Laskun virhe', summary: 'Kun lasku on väärä', tags: ['lasku'], audiences: ['EXTERNAL', 'INTERNAL'] }) })));

  it('names every invalid field at once', () =>
    expect(errorsOf(decide([], draftArticle({
      nodeStanding: 'retired',
      content: content({ title: ' ', audiences: [], partners: ['reseller-1'], language: 'chinese!', expiresAt: '2026-01-01', effectiveFrom: '2026-02-01', reviewIntervalDays: 0 }),
    })))).toEqual([
      { field: 'title', message: 'must be 1 to 200 characters' },
      { field: 'language', message: 'must be a BCP 47 language tag such as zh-Hans, ja, fi or en' },
      { field: 'audiences', message: 'must name at least one of EXTERNAL, INTERNAL, PARTNER' },
      { field: 'partners', message: 'narrows the PARTNER audience, so it needs PARTNER among the audiences' },
      { field: 'expiresAt', message: 'must come after effectiveFrom' },
      { field: 'reviewIntervalDays', message: 'must be a whole number of days from 1 to 3650' },
      { field: 'nodeId', message: 'knowledge-map node "billing" is retired' },
    ]));

  it('counts length in characters, not UTF-16 units', () =>
    spec.given().when(draftArticle({ content: content({ title: '𠀀'.repeat(200) }) })).then(articleDrafted({ content: content({ title: '𠀀'.repeat(200) }) })));

  it('links a translation to its knowledge point unless that language is taken', () => {
    spec.given().when(draftArticle({ knowledgePointId: 'point-1', pointLanguages: ['en'], content: content({ language: 'fi' }) })).then({
      type: 'ArticleDrafted',
      data: { articleId: draftArticle().articleId, knowledgePointId: 'point-1', version: 1, content: content({ language: 'fi' }), author: 'editor-1', draftedAt: now.toISOString() },
    });
    spec.given().when(draftArticle({ knowledgePointId: 'point-1', pointLanguages: ['zh-Hans'] })).thenThrows(ValidationFailed);
  });
});

describe('editing', () => {
  it('keeps the published version live and starts a new draft version from it', () => {
    const state = fold(articleDecider, [articleDrafted(), articleSubmitted(), articlePublished(), articleEdited(2, 1)]);
    expect(state).toMatchObject({ status: 'published', live: { version: 1, content: content() }, pending: { version: 2, stage: 'draft', content: revised } });
  });

  it('makes nothing of an edit that changes nothing', () => spec.given(articleDrafted()).when(editArticle({ content: content() })).then());

  it('checks the node only when the edit moves the article', () => {
    spec.given(articleDrafted()).when(editArticle({ nodeStanding: 'retired' })).then(articleEdited(2, 1));
    spec.given(articleDrafted()).when(editArticle({ nodeStanding: 'none', content: content({ nodeId: 'gone' }) })).thenThrows(ValidationFailed);
  });

  it('is possible again after a rejection', () =>
    spec.given(articleDrafted(), articleSubmitted(), articleRejected()).when(editArticle()).then(articleEdited(2, 1)));
});

describe('review', () => {
  it('publishes a version approved by a reviewer who wrote none of it, superseding the live one', () =>
    spec.given(articleDrafted(), articleSubmitted(), articlePublished(), articleEdited(2, 1), articleSubmitted(2))
      .when(approveArticle('reviewer-2'))
      .then(articlePublished(2, 1, 'reviewer-2')));

  it('refuses approval by anyone who wrote part of the version since the last publication', () =>
    spec.given(articleDrafted({ author: 'editor-2' }), articleEdited(2, 1, { author: 'editor-1' }), articleSubmitted(2))
      .when(approveArticle('editor-2'))
      .thenThrows(Forbidden));

  it('lets an earlier author approve once a later version is written by someone else alone', () =>
    spec.given(articleDrafted({ author: 'editor-2' }), articleSubmitted(), articlePublished(), articleEdited(2, 1, { author: 'editor-1' }), articleSubmitted(2))
      .when(approveArticle('editor-2'))
      .then(articlePublished(2, 1, 'editor-2')));

  it('needs a reason to reject', () => spec.given(articleDrafted(), articleSubmitted()).when(rejectArticle('  ')).thenThrows(ValidationFailed));

  it('refuses to submit twice', () => spec.given(articleDrafted(), articleSubmitted()).when(submitArticle()).thenThrows(IllegalTransition));
});
