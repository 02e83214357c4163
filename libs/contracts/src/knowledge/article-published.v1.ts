import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

const isoDateOrTime = z.string().refine((value) => !Number.isNaN(Date.parse(value))).describe('ISO 8601 date (2026-12-01) or date-time');

export const articlePublishedV1 = publicEvent({
  service: 'knowledge',
  type: 'ArticlePublished',
  version: 1,
  description:
    'A reviewer who wrote none of it approved a version of a knowledge article; readers of its audiences now see it instead of the version it supersedes. The Markdown body is not carried: read it at GET /api/v1/knowledge/articles/{articleId}/versions/{version}.',
  data: z.strictObject({
    articleId: z.uuid(),
    knowledgePointId: z.uuid().describe('Shared by an article and its translations'),
    version: z.int().min(1),
    supersedes: z.int().min(1).optional().describe('The version readers saw before, if any'),
    title: z.string().min(1).max(400).describe('At most 200 characters (400 UTF-16 units)'),
    summary: z.string().max(2_000).describe('At most 1000 characters'),
    type: z.enum(['PRODUCT', 'POLICY', 'SERVICE', 'PROCESS', 'PLATFORM', 'INDUSTRY']),
    nodeId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).describe('The knowledge-map node the article sits at'),
    audiences: z.array(z.enum(['EXTERNAL', 'INTERNAL', 'PARTNER'])).min(1),
    partners: z.array(z.string().min(1)).min(1).optional().describe('Narrows PARTNER to these partner organisations; absent means every partner'),
    language: z.string().min(2).max(35).describe('BCP 47 language tag'),
    tags: z.array(z.string().min(1).max(100)).describe('Lower-cased; each at most 50 characters'),
    effectiveFrom: isoDateOrTime.optional(),
    expiresAt: isoDateOrTime.optional(),
    reviewIntervalDays: z.int().min(1).optional(),
    approvedBy: z.string().min(1).describe('The reviewer'),
    publishedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      articleId: '0b7c2f5e-4d0a-4c39-9a51-6f1e2d3c4b5a',
      knowledgePointId: '0b7c2f5e-4d0a-4c39-9a51-6f1e2d3c4b5a',
      version: 2,
      supersedes: 1,
      title: '国际漫游账单金额错误',
      summary: '漫游账单金额错误时的处理方法',
      type: 'PROCESS',
      nodeId: 'roaming',
      audiences: ['EXTERNAL', 'INTERNAL'],
      language: 'zh-Hans',
      tags: ['roaming', 'billing'],
      expiresAt: '2027-06-30',
      reviewIntervalDays: 180,
      approvedBy: 'reviewer-1',
      publishedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
