import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const recordFeedbackSchema = z
  .object({
    csat: z
      .number({ message: 'must be a whole number from 1 to 5' })
      .int({ message: 'must be a whole number from 1 to 5' })
      .min(1, { message: 'must be a whole number from 1 to 5' })
      .max(5, { message: 'must be a whole number from 1 to 5' }),
    comment: z.string().trim().max(4000).default(''),
  })
  .strict();

export class RecordFeedbackRequest extends createZodDto(recordFeedbackSchema) {}
