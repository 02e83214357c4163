import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const articleArchivedV1 = publicEvent({
  service: 'knowledge',
  type: 'ArticleArchived',
  version: 1,
  description: 'An article was withdrawn for good: no reader sees it any more; its versions stay in its history.',
  data: z.strictObject({
    articleId: z.uuid(),
    archivedBy: z.string().min(1),
    reason: z.string().min(1).max(1_000).optional(),
    archivedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [{ articleId: '0b7c2f5e-4d0a-4c39-9a51-6f1e2d3c4b5a', archivedBy: 'editor-1', reason: '已合并到新文章', archivedAt: '2026-12-01T08:00:00.000Z' }],
});
