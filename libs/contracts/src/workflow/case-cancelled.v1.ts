import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseCancelledV1 = publicEvent({
  service: 'workflow',
  type: 'CaseCancelled',
  version: 1,
  description: 'The case ended without a resolution; its open collaboration tasks are withdrawn.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    openTaskIds: z.array(z.string()).describe('The tasks open at the time, to be withdrawn'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who cancelled'),
    reason: z.string(),
    cancelledAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      openTaskIds: ['opentaskid-1'],
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      cancelledAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
