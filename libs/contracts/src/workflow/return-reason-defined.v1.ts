import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';

export const returnReasonDefinedV1 = publicEvent({
  service: 'workflow',
  type: 'ReturnReasonDefined',
  version: 1,
  description:
    'A return reason (退单原因) was added to the managed list, or a retired one revived under these names.',
  data: z.strictObject({
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,39}$/)
      .describe("The reason's code, UPPER_SNAKE_CASE, e.g. WRONG_UNIT"),
    names: z
      .record(z.string(), z.string().min(1))
      .describe('Display names by language tag, e.g. zh-Hans, en'),
    actor: z
      .strictObject({
        id: z.string(),
        kind: z.enum(['user', 'partner', 'service', 'system']),
      })
      .describe('The administrator (or the seed) who defined it'),
    definedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      code: 'BILLING_CORRECTED',
      names: {
        en: 'Wrong charge',
        'zh-CN': '错误扣费',
      },
      actor: {
        id: 'id-1',
        kind: 'user',
      },
      definedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
