import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const categoryRetiredV1 = publicEvent({
  service: 'intake',
  type: 'CategoryRetired',
  version: 1,
  description: 'New contacts may no longer use the category nor anything under it; past cases keep it.',
  data: z.strictObject({
    categoryId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}(\/[a-z0-9][a-z0-9-]{0,62}){0,4}$/)
      .describe('Slash path of slugs, e.g. billing or billing/wrong-charge'),
    retiredAt: z.iso.datetime({ offset: true }),
    reason: z.string().min(1).max(500).optional(),
  }),
  examples: [
    {
      categoryId: 'billing/wrong-charge',
      retiredAt: '2026-11-23T02:00:00.000Z',
      reason: 'SKILL_MATCH',
    },
  ],
});
