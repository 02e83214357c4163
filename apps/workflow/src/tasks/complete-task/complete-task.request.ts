import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

const text = z.string().trim().min(1, { message: 'must not be empty' }).max(4000);

export const completeTaskSchema = z.object({ result: text }).strict();

export class CompleteTaskRequest extends createZodDto(completeTaskSchema) {}
