import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { asOfSchema } from '../case-history/case-history.request';

export const getCaseSchema = z
  .object({
    /** The case as it was at this instant, answered from its events. */
    asOf: asOfSchema.optional(),
  })
  .strict();

export class GetCaseRequest extends createZodDto(getCaseSchema) {}
