import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { FACT_KINDS } from '@collab/data-domain';

/** Shapes and outer bounds; the tag rule decider judges the values and names each failing field. */
const condition = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('COUNT'),
    kind: z.enum(FACT_KINDS),
    requestType: z.enum(['CONSULT', 'INQUIRY', 'TRANSACTION', 'COMPLAINT', 'FAULT', 'SUGGESTION', 'MARKETING']).optional(),
    atLeast: z.number(),
    withinDays: z.number(),
  }),
  z.strictObject({ type: z.literal('ATTRIBUTE'), attribute: z.enum(['tier', 'region']), in: z.array(z.string().max(100)).max(100) }),
  z.strictObject({ type: z.literal('CSAT'), measure: z.enum(['LAST', 'AVERAGE']), atMost: z.number().optional(), atLeast: z.number().optional() }),
]);

/** PUT: the rule's whole definition; a changed definition is its next version. */
export const defineTagRuleSchema = z.strictObject({
  description: z.string().max(2_000).default(''),
  conditions: z.array(condition).max(20),
});
export class DefineTagRuleRequest extends createZodDto(defineTagRuleSchema) {}
