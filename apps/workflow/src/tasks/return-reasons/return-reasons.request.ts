import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { RETURN_REASON_CODE_PATTERN } from '@collab/workflow-domain';

export const returnReasonCodeSchema = z
  .string()
  .regex(RETURN_REASON_CODE_PATTERN, { message: 'must be UPPER_SNAKE_CASE, 2 to 40 characters' });

export const defineReturnReasonSchema = z
  .object({
    code: returnReasonCodeSchema,
    /** Display names by language tag, e.g. `{ "zh-Hans": "需上门", "en": "Needs a site visit" }`. */
    names: z.record(
      z.string().min(2, { message: 'must be a language tag' }).max(35),
      z.string().trim().min(1, { message: 'must not be empty' }).max(200),
    ),
  })
  .strict();

export class DefineReturnReasonRequest extends createZodDto(defineReturnReasonSchema) {}

export const retireReturnReasonSchema = z
  .object({ reason: z.string().trim().min(1, { message: 'must not be empty' }).max(2000) })
  .strict();

export class RetireReturnReasonRequest extends createZodDto(retireReturnReasonSchema) {}
