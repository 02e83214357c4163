import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const caseTransferredV1 = publicEvent({
  service: 'workflow',
  type: 'CaseTransferred',
  version: 1,
  description: 'The case moved to another queue, unit or region, where it waits for an owner.',
  data: z.strictObject({
    caseId: z.guid().describe('The case, as intake opened it'),
    from: z
      .strictObject({
        queue: z.string(),
        region: z.string(),
      })
      .describe('Where the case was'),
    to: z
      .strictObject({
        queue: z.string(),
        region: z.string(),
      })
      .describe('Where the case waits now'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who transferred'),
    reason: z.string(),
    transferredAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      caseId: '5f0c3a1e-8d2b-4c6f-9a71-3e2d1b0c9f84',
      from: {
        queue: 'gd-complaints',
        region: 'GD',
      },
      to: {
        queue: 'gd-complaints',
        region: 'GD',
      },
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      transferredAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
