import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { instantSchema } from '@collab/service-kit';

/** An instant with its offset, as every time in the API is written: `2026-11-23T10:00:00+08:00`. */
export const asOfSchema = instantSchema();

export const caseHistorySchema = z
  .object({
    /** Only what had happened by then: the history as it could have been read at that moment. */
    asOf: asOfSchema.optional(),
    limit: z.coerce.number().int().min(1, { message: 'must be 1 to 500' }).max(500, { message: 'must be 1 to 500' }).default(100),
    /** The `next` of the previous page: a position in workflow's log. */
    after: z.string().regex(/^\d{1,19}$/, { message: 'must be the next cursor of a previous page' }).optional(),
  })
  .strict();

export class CaseHistoryRequest extends createZodDto(caseHistorySchema) {}
