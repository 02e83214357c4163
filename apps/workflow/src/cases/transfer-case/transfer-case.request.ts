import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { REGION_MESSAGE, REGION_PATTERN, normaliseRegion } from '@collab/domain-kernel';
import { directoryIdField, reasonField } from '../case-request.fields';

export const transferCaseSchema = z
  .object({
    queue: directoryIdField,
    /** Another region for the case; it keeps its own when left out. */
    region: z
      .string()
      .transform(normaliseRegion)
      .pipe(z.string().regex(REGION_PATTERN, { message: REGION_MESSAGE }))
      .optional(),
    reason: reasonField,
  })
  .strict();

export class TransferCaseRequest extends createZodDto(transferCaseSchema) {}
