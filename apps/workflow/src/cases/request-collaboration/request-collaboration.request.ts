import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const requestCollaborationSchema = z
  .object({
    /** The department (UNIT) or partner (PARTNER) asked, by its org directory id. */
    to: z
      .object({
        kind: z.enum(['UNIT', 'PARTNER'], { message: 'must be UNIT or PARTNER' }),
        id: z.string().trim().min(1, { message: 'must not be empty' }).max(100),
      })
      .strict(),
    /** What is asked and why: the reason for the hand-off. */
    reason: z.string().trim().min(1, { message: 'must not be empty' }).max(4000),
    /** For a chain: the open task of the case whose holder (the caller's unit) asks in turn. */
    parentTaskId: z.uuid({ message: 'must be a UUID' }).optional(),
    /** Asks a partner outside the regions it serves, on purpose; the reason is recorded with the task's opening. */
    regionOverride: z
      .object({ reason: z.string().trim().min(1, { message: 'must not be empty' }).max(2000) })
      .strict()
      .optional(),
  })
  .strict();

export class RequestCollaborationRequest extends createZodDto(requestCollaborationSchema) {}
