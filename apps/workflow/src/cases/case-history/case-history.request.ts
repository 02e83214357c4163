import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { instantSchema, pageQueryShape } from '@collab/service-kit';

/** An instant with its offset, as every time in the API is written: `2026-11-23T10:00:00+08:00`. */
export const asOfSchema = instantSchema();

export const caseHistorySchema = z
  .object({
    /** Only what had happened by then: the history as it could have been read at that moment. */
    asOf: asOfSchema.optional(),
    ...pageQueryShape,
  })
  .strict();

export class CaseHistoryRequest extends createZodDto(caseHistorySchema) {}
