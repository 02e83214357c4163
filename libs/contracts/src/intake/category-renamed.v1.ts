import { z } from 'zod';
import { publicEvent, atLeastFields } from '../published-language/public-event';

export const categoryRenamedV1 = publicEvent({
  service: 'intake',
  type: 'CategoryRenamed',
  version: 1,
  description: "The category's names were replaced by these.",
  data: z.strictObject({
    categoryId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}(\/[a-z0-9][a-z0-9-]{0,62}){0,4}$/)
      .describe('Slash path of slugs, e.g. billing or billing/wrong-charge'),
    names: atLeastFields(
      z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), z.string().min(1).max(200)),
      1,
    ).describe('Names per BCP 47 language tag, e.g. {"zh-Hans": "账单", "en": "Billing"}'),
    renamedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      categoryId: 'billing/wrong-charge',
      names: {
        en: 'Wrong charge',
        'zh-CN': '错误扣费',
      },
      renamedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
