import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

const text = z.string().trim().min(1, { message: 'must not be empty' }).max(4000);

export const withdrawTaskSchema = z.object({ reason: text }).strict();

export class WithdrawTaskRequest extends createZodDto(withdrawTaskSchema) {}
