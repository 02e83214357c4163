import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseAssignedV1 = publicEvent({
  service: 'workflow',
  type: 'CaseAssigned',
  version: 1,
  description: 'The case was put in a queue by a routing rule.',
  data: z.strictObject({
    caseId: z.guid(),
    queue: z.string(),
    ruleId: z.string(),
    assignedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      queue: 'gd-complaints',
      ruleId: 'complaints-to-gd',
      assignedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
