import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseRegisteredV1 = publicEvent({
  service: 'workflow',
  type: 'CaseRegistered',
  version: 1,
  description: 'Workflow took over a case intake opened; the facts it routes, shows and measures by.',
  data: z.strictObject({
    caseId: z.guid(),
    channel: z.string(),
    audience: z.enum(['EXTERNAL', 'INTERNAL', 'PARTNER']),
    requestType: z.string(),
    category: z.string(),
    region: z.string(),
    priority: z.string(),
    language: z.string(),
    subject: z.string(),
    description: z.string(),
    requesterId: z.string().optional(),
    requesterPartner: z.string().optional(),
    requesterUnit: z.string().optional(),
    openedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      channel: 'app',
      audience: 'EXTERNAL',
      requestType: 'COMPLAINT',
      category: 'billing/wrong-charge',
      region: 'GD',
      priority: 'priority-1',
      language: 'zh-CN',
      subject: 'Charged twice for November',
      description: 'My November bill shows the same charge twice.',
      requesterId: 'requesterid-1',
      requesterPartner: 'requesterpartner-1',
      requesterUnit: 'requesterunit-1',
      openedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
