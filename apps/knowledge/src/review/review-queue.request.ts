import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const reviewQueueQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1, { message: 'must be a page number from 1' }).max(1_000, { message: 'must be at most 1000' }).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, { message: 'must be at most 100' }).default(20),
  })
  .strict();
export class ReviewQueueQuery extends createZodDto(reviewQueueQuerySchema) {}
