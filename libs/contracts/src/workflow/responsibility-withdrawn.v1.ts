import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const responsibilityWithdrawnV1 = publicEvent({
  service: 'workflow',
  type: 'ResponsibilityWithdrawn',
  version: 1,
  description:
    'An entry of the responsibility matrix no longer stands; the next most specific entry decides for its cases.',
  data: z.strictObject({
    entryId: z.guid(),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who made the change'),
    reason: z.string().min(1).max(500).describe('Why, as the administrator said'),
    withdrawnAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      entryId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      withdrawnAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
