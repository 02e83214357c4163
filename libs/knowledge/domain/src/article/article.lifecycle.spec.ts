import { Forbidden, IllegalTransition, specFor } from '@collab/domain-kernel';
import { articleDecider } from './article.decider';
import type { ArticleCommand } from './article.commands';
import type { ArticleEvent } from './article.events';
import {
  approveArticle, archiveArticle, articleArchived, articleDrafted, articleEdited, articleExpired, articlePublished,
  articleRejected, articleSubmitted, content, draftArticle, editArticle, expireArticle, now, recordReviewDue, rejectArticle, articleReviewFellDue, submitArticle,
} from './article.fixtures';

const expiring = content({ expiresAt: '2026-11-01' });
/** Differs from every version in the histories, so every allowed edit makes a version. */
const edited = content({ title: '国际漫游账单金额错误（更新）' });
const articleEditedTo = (version: number, basedOn: number) => articleEdited(version, basedOn, { content: edited });
/** Published with an expiry date already past at `now`, so ExpireArticle is due. */
const histories = {
  none: [],
  draft: [articleDrafted({ content: expiring })],
  'in-review': [articleDrafted({ content: expiring }), articleSubmitted(1)],
  published: [articleDrafted({ content: expiring }), articleSubmitted(1), articlePublished(1)],
  'published with a draft': [articleDrafted({ content: expiring }), articleSubmitted(1), articlePublished(1), articleEdited(2, 1)],
  'published with a version in review': [articleDrafted({ content: expiring }), articleSubmitted(1), articlePublished(1), articleEdited(2, 1), articleSubmitted(2)],
  expired: [articleDrafted({ content: expiring }), articleSubmitted(1), articlePublished(1), articleExpired(1)],
  archived: [articleDrafted({ content: expiring }), articleArchived()],
} satisfies Record<string, ArticleEvent[]>;
type State = keyof typeof histories;

const commands: Record<ArticleCommand['type'], ArticleCommand> = {
  DraftArticle: draftArticle(),
  EditArticle: editArticle({ content: edited }),
  SubmitArticle: submitArticle(),
  ApproveArticle: approveArticle(),
  RejectArticle: rejectArticle(),
  ArchiveArticle: archiveArticle(),
  ExpireArticle: expireArticle(),
  RecordReviewDue: recordReviewDue(1),
};

const refused = 'refused';
type Outcome = ArticleEvent | typeof refused;

const table: Record<ArticleCommand['type'], Record<State, Outcome>> = {
  DraftArticle: {
    none: articleDrafted(), draft: refused, 'in-review': refused, published: refused,
    'published with a draft': refused, 'published with a version in review': refused, expired: refused, archived: refused,
  },
  EditArticle: {
    none: refused, draft: articleEditedTo(2, 1), 'in-review': refused, published: articleEditedTo(2, 1),
    'published with a draft': articleEditedTo(3, 2), 'published with a version in review': refused, expired: articleEditedTo(2, 1), archived: refused,
  },
  SubmitArticle: {
    none: refused, draft: articleSubmitted(1), 'in-review': refused, published: refused,
    'published with a draft': articleSubmitted(2), 'published with a version in review': refused, expired: refused, archived: refused,
  },
  ApproveArticle: {
    none: refused, draft: refused, 'in-review': refused /* its expiry date has passed */, published: refused,
    'published with a draft': refused, 'published with a version in review': articlePublished(2, 1), expired: refused, archived: refused,
  },
  RejectArticle: {
    none: refused, draft: refused, 'in-review': articleRejected(1), published: refused,
    'published with a draft': refused, 'published with a version in review': articleRejected(2), expired: refused, archived: refused,
  },
  ArchiveArticle: {
    none: refused, draft: articleArchived(), 'in-review': articleArchived(), published: articleArchived(),
    'published with a draft': articleArchived(), 'published with a version in review': articleArchived(), expired: articleArchived(), archived: refused,
  },
  ExpireArticle: {
    none: refused, draft: refused, 'in-review': refused, published: articleExpired(1),
    'published with a draft': articleExpired(1), 'published with a version in review': articleExpired(1), expired: refused, archived: refused,
  },
  RecordReviewDue: {
    none: refused, draft: refused, 'in-review': refused, published: articleReviewFellDue(1),
    'published with a draft': articleReviewFellDue(1), 'published with a version in review': articleReviewFellDue(1), expired: refused, archived: refused,
  },
};

const spec = specFor(articleDecider, { now });
const rows = Object.entries(table).flatMap(([command, outcomes]) =>
  Object.entries(outcomes).map(([state, outcome]) => [command as ArticleCommand['type'], state as State, outcome] as const),
);

describe('an article through its lifecycle (every command in every state)', () => {
  it('covers every command in every state', () => expect(rows).toHaveLength(8 * 8));

  it.each(rows)('%s on an article that is %s', (command, state, outcome) => {
    const when = spec.given(...histories[state]).when(commands[command]);
    if (outcome === refused) when.thenThrows(IllegalTransition);
    else when.then(outcome);
  });

  it('refuses approval by an author with Forbidden, not as a transition', () =>
    spec.given(...histories['published with a version in review']).when(approveArticle('editor-1')).thenThrows(Forbidden));
});

describe('a review date falling due', () => {
  const published = histories.published;
  it('records nothing more when it already fell due (a timer fired again after a crash)', () =>
    spec.given(...published, articleReviewFellDue(1)).when(recordReviewDue(1)).then());
  it('is refused before its date', () =>
    spec.given(...published).when(recordReviewDue(1, '2026-12-01T00:00:00.000Z')).thenThrows(IllegalTransition));
  it('is refused for a version no longer published (the timer of a superseded version)', () =>
    spec.given(...histories['published with a version in review'], articlePublished(2, 1)).when(recordReviewDue(1)).thenThrows(IllegalTransition));
  it('falls due again for the next published version', () =>
    spec.given(...histories['published with a version in review'], articleReviewFellDue(1), articlePublished(2, 1)).when(recordReviewDue(2)).then(articleReviewFellDue(2)));
});
