import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseResolvedV1 = publicEvent({
  service: 'workflow',
  type: 'CaseResolved',
  version: 1,
  description:
    'The owner resolved the case; the requester confirms it, reopens it, or the quiet period closes it.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    resolutionCode: z.string(),
    knowledgeArticleIds: z.array(z.string()).describe('The knowledge articles the resolution used'),
    note: z.string(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who resolved'),
    resolvedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      resolutionCode: 'resolutioncode-1',
      knowledgeArticleIds: ['knowledgearticleid-1'],
      note: 'Please check the billing run of 2026-11-01.',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      resolvedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
