import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const TASK_STATUSES = ['REQUESTED', 'ACCEPTED', 'COMPLETED', 'RETURNED', 'WITHDRAWN'] as const;

export const readTasksSchema = z
  .object({
    status: z.enum(TASK_STATUSES, { message: `must be one of ${TASK_STATUSES.join(', ')}` }).optional(),
    caseId: z.uuid({ message: 'must be a UUID' }).optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1, { message: 'must be 1 to 200' })
      .max(200, { message: 'must be 1 to 200' })
      .default(50),
    offset: z.coerce.number().int().min(0, { message: 'must be 0 or more' }).default(0),
  })
  .strict();

export class ReadTasksQuery extends createZodDto(readTasksSchema) {}
