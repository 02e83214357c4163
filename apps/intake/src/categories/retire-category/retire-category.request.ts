import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

/** Why the category was retired; the body itself may be left out. */
export const retireCategorySchema = z
  .object({
    reason: z
      .string()
      .transform((value) => value.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, { message: 'must not be empty' })
          .max(500, { message: 'must be at most 500 characters' }),
      )
      .optional(),
  })
  .strict()
  .default({});

export class RetireCategoryRequest extends createZodDto(retireCategorySchema) {}
