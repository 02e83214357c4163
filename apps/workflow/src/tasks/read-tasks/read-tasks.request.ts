import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { TASK_STATUSES } from '@collab/domain-kernel';
import { pageQueryShape } from '@collab/service-kit';

export const readTasksSchema = z
  .object({
    status: z.enum(TASK_STATUSES, { message: `must be one of ${TASK_STATUSES.join(', ')}` }).optional(),
    caseId: z.uuid({ message: 'must be a UUID' }).optional(),
    ...pageQueryShape,
  })
  .strict();

export class ReadTasksQuery extends createZodDto(readTasksSchema) {}
