import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@collab/service-kit';

export const readCategoriesSchema = z
  .object({
    /** Retired categories (and what lies under them) are left out unless asked for. */
    includeRetired: z.stringbool({ error: 'must be true or false' }).default(false),
    ...pageQueryShape,
  })
  .strict();

export class ReadCategoriesQuery extends createZodDto(readCategoriesSchema) {}
