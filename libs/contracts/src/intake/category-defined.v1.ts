import { z } from 'zod';
import { publicEvent, distinct, atLeastFields } from '../published-language/public-event';

export const categoryDefinedV1 = publicEvent({
  service: 'intake',
  type: 'CategoryDefined',
  version: 1,
  description: 'A category joined the managed category tree. Stream category-<categoryId>.',
  data: z.strictObject({
    categoryId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}(\/[a-z0-9][a-z0-9-]{0,62}){0,4}$/)
      .describe('Slash path of slugs, e.g. billing or billing/wrong-charge'),
    parentId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}(\/[a-z0-9][a-z0-9-]{0,62}){0,4}$/)
      .describe("The parent category's id; absent for a root")
      .optional(),
    names: atLeastFields(
      z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), z.string().min(1).max(200)),
      1,
    ).describe('Names per BCP 47 language tag, e.g. {"zh-Hans": "账单", "en": "Billing"}'),
    requestTypes: distinct(
      z
        .array(z.enum(['CONSULT', 'INQUIRY', 'TRANSACTION', 'COMPLAINT', 'FAULT', 'SUGGESTION', 'MARKETING']))
        .min(1),
    )
      .describe('The request types the category applies to; absent means all')
      .optional(),
    definedAt: z.iso.datetime({ offset: true }),
  }),
  examples: [
    {
      categoryId: 'billing/wrong-charge',
      parentId: 'billing',
      names: {
        en: 'Wrong charge',
        'zh-CN': '错误扣费',
      },
      requestTypes: ['CONSULT'],
      definedAt: '2026-11-23T02:00:00.000Z',
    },
  ],
});
