import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const returnReasonRetiredV1 = publicEvent({
  service: 'workflow',
  type: 'ReturnReasonRetired',
  version: 1,
  description: 'A return reason was taken out of choice; tasks returned with it keep it.',
  data: z.strictObject({
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,39}$/)
      .describe("The reason's code, UPPER_SNAKE_CASE, e.g. WRONG_UNIT"),
    reason: z.string().describe('Why it was retired'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('The administrator who retired it'),
    retiredAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      code: 'BILLING_CORRECTED',
      reason: 'SKILL_MATCH',
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      retiredAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
