import { assertNever } from '@collab/domain-kernel';
import type { ArticleContent } from './article-content';
import type { ArticleEvent } from './article.events';

/** Where one version stands: a version written over is `superseded`, a published one replaced by a newer publication too. */
export type VersionStage = 'draft' | 'in-review' | 'rejected' | 'published' | 'superseded' | 'expired' | 'archived';

export interface VersionRecord {
  readonly version: number;
  readonly basedOn?: number;
  readonly author: string;
  readonly writtenAt: string;
  readonly stage: VersionStage;
  readonly publishedAt?: string;
  readonly approvedBy?: string;
  readonly content: ArticleContent;
}

type History = Map<number, VersionRecord>;

const restage = (history: History, version: number, changes: Partial<VersionRecord>): void => {
  const record = history.get(version);
  if (record) history.set(version, { ...record, ...changes });
};

/** A new version replaces the draft (or rejected version) it was written over; the published one stays until the next publication. */
const written = (history: History, record: VersionRecord): void => {
  for (const earlier of history.values())
    if (earlier.stage === 'draft' || earlier.stage === 'rejected') restage(history, earlier.version, { stage: 'superseded' });
  history.set(record.version, record);
};

const archived = (history: History): void => {
  for (const record of history.values())
    if (record.stage !== 'superseded') restage(history, record.version, { stage: 'archived' });
};

const apply = (history: History, event: ArticleEvent): void => {
  switch (event.type) {
    case 'ArticleDrafted':
      return written(history, { version: event.data.version, author: event.data.author, writtenAt: event.data.draftedAt, stage: 'draft', content: event.data.content });
    case 'ArticleEdited': {
      const { version, basedOn, author, editedAt, content } = event.data;
      return written(history, { version, basedOn, author, writtenAt: editedAt, stage: 'draft', content });
    }
    case 'ArticleSubmitted':
      return restage(history, event.data.version, { stage: 'in-review' });
    case 'ArticleRejected':
      return restage(history, event.data.version, { stage: 'rejected' });
    case 'ArticlePublished':
      if (event.data.supersedes !== undefined) restage(history, event.data.supersedes, { stage: 'superseded' });
      return restage(history, event.data.version, { stage: 'published', publishedAt: event.data.publishedAt, approvedBy: event.data.approvedBy });
    case 'ArticleExpired':
      return restage(history, event.data.version, { stage: 'expired' });
    case 'ArticleReviewFellDue':
      return;
    case 'ArticleArchived':
      return archived(history);
    default:
      return assertNever(event);
  }
};

/** Every version of an article as written, oldest first, each with where it stands now. */
export const versionsOf = (events: readonly ArticleEvent[]): VersionRecord[] => {
  const history: History = new Map();
  for (const event of events) apply(history, event);
  return [...history.values()].sort((a, b) => a.version - b.version);
};

/** Versions a reader without editing rights may see: those that were published at some point. */
export const everPublished = (record: VersionRecord): boolean => record.publishedAt !== undefined;
