import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const partnerDeactivatedV1 = publicEvent({
  service: 'workflow',
  type: 'PartnerDeactivated',
  version: 1,
  description: 'The partner takes no new work; tasks already with it stay.',
  data: z.strictObject({
    partnerId: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('Who made the change'),
    reason: z.string().min(1).max(500).describe('Why, as the administrator said'),
    deactivatedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      partnerId: 'acme-logistics',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      reason: 'SKILL_MATCH',
      deactivatedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
