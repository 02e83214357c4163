import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

/** The new value, at the version the administrator saw, and why. The range is the parameter's own (400 naming `value`). */
export const changeParameterSchema = z.strictObject({
  value: z.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }),
  expectedVersion: z.number({ message: 'must be the version read: 0, 1, …' }).int({ message: 'must be the version read: 0, 1, …' }).min(0, { message: 'must be the version read: 0, 1, …' }),
  reason: z
    .string()
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.string().min(1, { message: 'must not be empty' }).max(500, { message: 'must be at most 500 characters' }))
    .optional(),
});

export class ChangeParameterRequest extends createZodDto(changeParameterSchema) {}
