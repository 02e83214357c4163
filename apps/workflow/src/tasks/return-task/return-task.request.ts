import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

const text = z.string().trim().min(1, { message: 'must not be empty' }).max(4000);

export const returnTaskSchema = z
  .object({
    reasonCode: z.string().min(1, { message: 'must not be empty' }).max(40),
    note: text,
    /** With open tasks below this one: true withdraws them (each recorded), absent or false refuses (409) naming them. */
    withdrawOpenChildren: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .strict();

export class ReturnTaskRequest extends createZodDto(returnTaskSchema) {}
