import { z } from 'zod';
import { answerSchema, instant, listPageSchema } from '@collab/service-kit';

const condition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('COUNT'), kind: z.string(), requestType: z.string().exactOptional(), atLeast: z.number(), withinDays: z.number() }),
  z.strictObject({ type: z.literal('ATTRIBUTE'), attribute: z.enum(['tier', 'region']), in: z.array(z.string()) }),
  z.strictObject({ type: z.literal('CSAT'), measure: z.enum(['LAST', 'AVERAGE']), atMost: z.number().exactOptional(), atLeast: z.number().exactOptional() }),
]);

export const tagRuleSchema = answerSchema(
  'TagRule',
  z.strictObject({
    tag: z.string(),
    version: z.number().int(),
    status: z.enum(['ACTIVE', 'RETIRED']),
    description: z.string(),
    conditions: z.array(condition),
  }),
);

export type TagRuleView = z.infer<typeof tagRuleSchema>;

export const tagRuleListSchema = listPageSchema('TagRuleList', tagRuleSchema);

export const customerTagSchema = answerSchema(
  'CustomerTag',
  z.strictObject({ tag: z.string(), ruleVersion: z.number().int(), taggedAt: instant }),
);
export type CustomerTag = z.infer<typeof customerTagSchema>;
export const customerTagListSchema = listPageSchema('CustomerTagList', customerTagSchema);

export const taggedCustomerSchema = answerSchema(
  'TaggedCustomer',
  z.strictObject({ customerId: z.string(), ruleVersion: z.number().int(), taggedAt: instant }),
);
export type TaggedCustomer = z.infer<typeof taggedCustomerSchema>;
export const taggedCustomerListSchema = listPageSchema('TaggedCustomerList', taggedCustomerSchema);
