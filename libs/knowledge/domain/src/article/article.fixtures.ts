import type { ArticleContent } from './article-content';
import type { ArticleCommand, DraftArticle, EditArticle } from './article.commands';
import type { ArticleEvent } from './article.events';

export const articleId = 'a1b2c3d4-0000-4000-8000-000000000001';
export const now = new Date('2026-11-20T09:30:00.000Z');
export const at = now.toISOString();

export const content = (overrides: Partial<ArticleContent> = {}): ArticleContent => ({
  title: '国际漫游账单金额错误',
  body: '# 处理步骤\n核对漫游清单\n提交退款申请',
  summary: '漫游账单金额错误时的处理方法',
  type: 'PROCESS',
  nodeId: 'billing',
  audiences: ['EXTERNAL', 'INTERNAL'],
  language: 'zh-Hans',
  tags: ['roaming', 'billing'],
  ...overrides,
});
export const revised = content({ body: '# 处理步骤\n核对漫游清单\n联系计费部\n提交退款申请' });

export const draftArticle = (overrides: Partial<DraftArticle> = {}): DraftArticle => ({
  type: 'DraftArticle', articleId, knowledgePointId: articleId, pointLanguages: [], content: content(), author: 'editor-1', nodeStanding: 'active', ...overrides,
});
export const editArticle = (overrides: Partial<EditArticle> = {}): EditArticle => ({
  type: 'EditArticle', articleId, content: revised, author: 'editor-1', nodeStanding: 'active', ...overrides,
});
export const submitArticle = (by = 'editor-1'): ArticleCommand => ({ type: 'SubmitArticle', articleId, by });
export const approveArticle = (reviewer = 'reviewer-1'): ArticleCommand => ({ type: 'ApproveArticle', articleId, reviewer });
export const rejectArticle = (reason = '请补充退款时限', reviewer = 'reviewer-1'): ArticleCommand => ({ type: 'RejectArticle', articleId, reviewer, reason });
export const archiveArticle = (reason?: string): ArticleCommand => ({ type: 'ArchiveArticle', articleId, by: 'editor-1', ...(reason ? { reason } : {}) });
export const expireArticle = (): ArticleCommand => ({ type: 'ExpireArticle', articleId });

export const articleDrafted = (overrides: { content?: ArticleContent; author?: string } = {}): ArticleEvent => ({
  type: 'ArticleDrafted',
  data: { articleId, knowledgePointId: articleId, version: 1, content: overrides.content ?? content(), author: overrides.author ?? 'editor-1', draftedAt: at },
});
export const articleEdited = (version: number, basedOn: number, overrides: { content?: ArticleContent; author?: string } = {}): ArticleEvent => ({
  type: 'ArticleEdited',
  data: { articleId, version, basedOn, content: overrides.content ?? revised, author: overrides.author ?? 'editor-1', editedAt: at },
});
export const articleSubmitted = (version = 1, by = 'editor-1'): ArticleEvent => ({ type: 'ArticleSubmitted', data: { articleId, version, by, submittedAt: at } });
/** Versions 1 and 2 as the fixtures write them: version 1 the original content, later ones revised. */
export const articlePublished = (version = 1, supersedes?: number, approvedBy = 'reviewer-1', published: ArticleContent = version === 1 ? content() : revised): ArticleEvent => ({
  type: 'ArticlePublished', data: { articleId, knowledgePointId: articleId, version, content: published, ...(supersedes ? { supersedes } : {}), approvedBy, publishedAt: at },
});
export const articleRejected = (version = 1, reason = '请补充退款时限'): ArticleEvent => ({
  type: 'ArticleRejected', data: { articleId, version, by: 'reviewer-1', reason, rejectedAt: at },
});
export const articleExpired = (version = 1): ArticleEvent => ({ type: 'ArticleExpired', data: { articleId, version, expiredAt: at } });
export const articleArchived = (reason?: string): ArticleEvent => ({
  type: 'ArticleArchived', data: { articleId, by: 'editor-1', ...(reason ? { reason } : {}), archivedAt: at },
});
export const recordReviewDue = (version = 1, dueAt = '2026-11-01T00:00:00.000Z'): ArticleCommand => ({ type: 'RecordReviewDue', articleId, version, dueAt });
export const articleReviewFellDue = (version = 1, dueAt = '2026-11-01T00:00:00.000Z'): ArticleEvent => ({
  type: 'ArticleReviewFellDue', data: { articleId, version, dueAt, fellDueAt: at },
});
