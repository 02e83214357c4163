import {
  Forbidden,
  IllegalTransition,
  ValidationFailed,
  assertNever,
  type Decider,
  type DecisionContext,
  type FieldError,
} from '@collab/domain-kernel';
import { lengthOf, normalisedText, refusalMessage } from '../shared-values';
import { contentErrors, normalisedContent, sameContent, type ArticleContent } from './article-content';
import type { ArticleCommand, ArchiveArticle, ApproveArticle, DraftArticle, EditArticle, NodeStanding, RecordReviewDue, RejectArticle } from './article.commands';
import type { ArticleEvent } from './article.events';
import { evolveArticle } from './article.evolve';
import type { ArticleState, ArticleVersion, KnownArticle, PendingVersion } from './article.state';

export const MAX_REASON_LENGTH = 1_000;

const refused = (command: ArticleCommand, state: ArticleState, reason: string): IllegalTransition =>
  Object.assign(new IllegalTransition(command.type, state.status, reason), refusalMessage(command.type, `the article is ${state.status}: ${reason}`));

const known = (command: ArticleCommand, state: ArticleState): KnownArticle => {
  if (state.status === 'none') throw refused(command, state, 'no such article');
  if (state.status === 'archived') throw refused(command, state, 'an archived article does not change');
  return state;
};

const pendingIn = (command: ArticleCommand, state: ArticleState, stage: PendingVersion['stage']): PendingVersion & { of: KnownArticle } => {
  const article = known(command, state);
  const pending = article.status === 'archived' ? undefined : article.pending;
  if (pending?.stage !== stage) throw refused(command, state, stage === 'draft' ? 'no draft version to submit' : 'no version in review');
  return { ...pending, of: article };
};

const nodeErrors = (standing: NodeStanding, nodeId: string): FieldError[] =>
  standing === 'active' ? [] : [{ field: 'nodeId', message: `knowledge-map node "${nodeId}" ${standing === 'none' ? 'does not exist' : 'is retired'}` }];

const validContent = (content: ArticleContent, standing: NodeStanding, nodeChanged: boolean): ArticleContent => {
  const normalised = normalisedContent(content);
  const errors = [...contentErrors(normalised), ...(nodeChanged ? nodeErrors(standing, normalised.nodeId) : [])];
  if (errors.length > 0) throw new ValidationFailed(errors);
  return normalised;
};

const draft = (command: DraftArticle, state: ArticleState, at: string): ArticleEvent[] => {
  if (state.status !== 'none') throw refused(command, state, `article ${command.articleId} already exists`);
  const content = validContent(command.content, command.nodeStanding, true);
  if (command.pointLanguages.includes(content.language))
    throw new ValidationFailed([{ field: 'language', message: `the knowledge point already has an article in ${content.language}` }]);
  const { articleId, knowledgePointId, author } = command;
  return [{ type: 'ArticleDrafted', data: { articleId, knowledgePointId, version: 1, content, author, draftedAt: at } }];
};

/** The version an edit starts from: the draft being written, else the live one. */
const editBase = (command: EditArticle, state: ArticleState): { article: KnownArticle; base: ArticleVersion } => {
  const article = known(command, state);
  if (article.status === 'archived') throw refused(command, state, 'an archived article does not change');
  const pending = article.pending;
  if (pending?.stage === 'in-review') throw refused(command, state, `version ${pending.version} is in review; a reviewer rejects it before it is edited again`);
  if (pending) return { article, base: pending };
  if (article.status === 'published' || article.status === 'expired') return { article, base: article.live };
  throw refused(command, state, 'nothing to edit');
};

const edit = (command: EditArticle, state: ArticleState, at: string): ArticleEvent[] => {
  const { article, base } = editBase(command, state);
  const content = validContent(command.content, command.nodeStanding, command.content.nodeId !== base.content.nodeId);
  if (sameContent(content, base.content)) return [];
  const version = article.latestVersion + 1;
  return [{ type: 'ArticleEdited', data: { articleId: article.articleId, version, basedOn: base.version, content, author: command.author, editedAt: at } }];
};

const approve = (command: ApproveArticle, state: ArticleState, now: Date): ArticleEvent[] => {
  const pending = pendingIn(command, state, 'in-review');
  if (pending.authors.includes(command.reviewer))
    throw new Forbidden(`a reviewer may not approve a version they wrote (version ${pending.version} was written by ${pending.authors.join(', ')})`);
  const expiresAt = pending.content.expiresAt;
  if (expiresAt !== undefined && Date.parse(expiresAt) <= now.getTime())
    throw refused(command, state, `version ${pending.version} expired on ${expiresAt}; edit its expiry date first`);
  const live = pending.of.status === 'published' || pending.of.status === 'expired' ? pending.of.live : undefined;
  return [{
    type: 'ArticlePublished',
    data: {
      articleId: command.articleId, knowledgePointId: pending.of.knowledgePointId, version: pending.version, content: pending.content,
      ...(live ? { supersedes: live.version } : {}), approvedBy: command.reviewer, publishedAt: now.toISOString(),
    },
  }];
};

const reasonText = (field: string, reason: string | undefined, required: boolean): string | undefined => {
  const text = reason === undefined ? undefined : normalisedText(reason);
  const length = text === undefined ? 0 : lengthOf(text);
  if ((required && length === 0) || length > MAX_REASON_LENGTH)
    throw new ValidationFailed([{ field, message: `must be ${required ? 1 : 0} to ${MAX_REASON_LENGTH} characters` }]);
  return text === '' ? undefined : text;
};

const reject = (command: RejectArticle, state: ArticleState, at: string): ArticleEvent[] => {
  const pending = pendingIn(command, state, 'in-review');
  const reason = reasonText('reason', command.reason, true) ?? '';
  return [{ type: 'ArticleRejected', data: { articleId: command.articleId, version: pending.version, by: command.reviewer, reason, rejectedAt: at } }];
};

const archive = (command: ArchiveArticle, state: ArticleState, at: string): ArticleEvent[] => {
  known(command, state);
  const reason = reasonText('reason', command.reason, false);
  return [{ type: 'ArticleArchived', data: { articleId: command.articleId, by: command.by, ...(reason ? { reason } : {}), archivedAt: at } }];
};

const expire = (command: ArticleCommand, state: ArticleState, now: Date): ArticleEvent[] => {
  const article = known(command, state);
  if (article.status !== 'published') throw refused(command, state, 'only a published version expires');
  const expiresAt = article.live.content.expiresAt;
  if (expiresAt === undefined || Date.parse(expiresAt) > now.getTime())
    throw refused(command, state, `version ${article.live.version} is not due to expire${expiresAt ? ` before ${expiresAt}` : ''}`);
  return [{ type: 'ArticleExpired', data: { articleId: article.articleId, version: article.live.version, expiredAt: now.toISOString() } }];
};

const reviewDue = (command: RecordReviewDue, state: ArticleState, now: Date): ArticleEvent[] => {
  const article = known(command, state);
  if (article.status !== 'published' || article.live.version !== command.version)
    throw refused(command, state, `version ${command.version} is not the published version`);
  if (article.reviewDue) return [];
  if (Date.parse(command.dueAt) > now.getTime()) throw refused(command, state, `version ${command.version} is not due for review before ${command.dueAt}`);
  return [{ type: 'ArticleReviewFellDue', data: { articleId: article.articleId, version: command.version, dueAt: command.dueAt, fellDueAt: now.toISOString() } }];
};

const decide = (command: ArticleCommand, state: ArticleState, { now }: DecisionContext): ArticleEvent[] => {
  const at = now.toISOString();
  switch (command.type) {
    case 'DraftArticle':
      return draft(command, state, at);
    case 'EditArticle':
      return edit(command, state, at);
    case 'SubmitArticle': {
      const pending = pendingIn(command, state, 'draft');
      return [{ type: 'ArticleSubmitted', data: { articleId: command.articleId, version: pending.version, by: command.by, submittedAt: at } }];
    }
    case 'ApproveArticle':
      return approve(command, state, now);
    case 'RejectArticle':
      return reject(command, state, at);
    case 'ArchiveArticle':
      return archive(command, state, at);
    case 'ExpireArticle':
      return expire(command, state, now);
    case 'RecordReviewDue':
      return reviewDue(command, state, now);
    default:
      return assertNever(command);
  }
};

/** A knowledge article (knowledge point in one language) through its versions and review. */
export const articleDecider: Decider<ArticleCommand, ArticleEvent, ArticleState> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveArticle,
  decide,
};

const DAY_MS = 86_400_000;

/** When a version published at `publishedAt` falls due for review: its review interval later, or never. */
export const reviewDueAt = (publishedAt: string, content: ArticleContent): string | undefined =>
  content.reviewIntervalDays === undefined ? undefined : new Date(Date.parse(publishedAt) + content.reviewIntervalDays * DAY_MS).toISOString();

export const articleStreamId = (articleId: string): string => `article-${articleId}`;
