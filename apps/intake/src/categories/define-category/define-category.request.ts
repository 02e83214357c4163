import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { CATEGORY_ID_PATTERN, REQUEST_TYPES } from '@collab/intake-domain';
import { categoryNamesSchema } from '../category-names.request';

export const defineCategorySchema = z
  .object({
    id: z
      .string()
      .regex(CATEGORY_ID_PATTERN, {
        message: 'must be a slash path of lowercase slugs such as billing/wrong-charge',
      }),
    names: categoryNamesSchema,
    requestTypes: z
      .array(z.enum(REQUEST_TYPES))
      .min(1, { message: 'must name at least one request type, or be left out for all' })
      .max(REQUEST_TYPES.length * 2)
      .optional(),
  })
  .strict();

export class DefineCategoryRequest extends createZodDto(defineCategorySchema) {}
