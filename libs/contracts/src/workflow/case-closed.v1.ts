import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseClosedV1 = publicEvent({
  service: 'workflow',
  type: 'CaseClosed',
  version: 1,
  description: 'The resolved case closed: confirmed by the requester or after the quiet period.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    closure: z.enum(['CONFIRMED_BY_REQUESTER', 'QUIET_PERIOD_ELAPSED']),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('The requester, or the auto-close timer'),
    closedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      closure: 'CONFIRMED_BY_REQUESTER',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      closedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
