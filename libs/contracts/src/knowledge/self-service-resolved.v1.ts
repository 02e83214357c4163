import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const selfServiceResolvedV1 = publicEvent({
  service: 'knowledge',
  type: 'SelfServiceResolved',
  version: 1,
  description:
    'A customer answered "this solved it" for a knowledge article before submitting a contact, so no case was opened: one self-service resolution (deflection), counted by the KPI service.',
  data: z.strictObject({
    resolutionId: z.uuid(),
    articleId: z.uuid(),
    knowledgePointId: z.uuid(),
    articleVersion: z.int().min(1),
    customerId: z.string().min(1).max(200),
    channel: z.string().min(1).max(100).optional(),
    resolvedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [{
    resolutionId: '5d1f0a3e-8c2b-4e7a-9f10-2b3c4d5e6f70', articleId: '0b7c2f5e-4d0a-4c39-9a51-6f1e2d3c4b5a', knowledgePointId: '0b7c2f5e-4d0a-4c39-9a51-6f1e2d3c4b5a',
    articleVersion: 2, customerId: 'customer-1', channel: 'app', resolvedAt: '2026-12-01T08:00:00.000Z',
  }],
});
