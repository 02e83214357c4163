import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

/** Why the process is retired: new cases no longer start on it. */
export const retireProcessSchema = z
  .object({
    reason: z
      .string()
      .transform((value) => value.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, { message: 'must not be empty' })
          .max(500, { message: 'must be at most 500 characters' }),
      ),
  })
  .strict();

export class RetireProcessRequest extends createZodDto(retireProcessSchema) {}
