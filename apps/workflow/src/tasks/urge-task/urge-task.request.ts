import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const urgeTaskSchema = z.object({ note: z.string().trim().max(4000).default('') }).strict();

export class UrgeTaskRequest extends createZodDto(urgeTaskSchema) {}
