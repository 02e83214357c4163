import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

export const resolveCaseSchema = z
  .object({
    resolutionCode: z.string().trim().min(1, { message: 'must not be empty' }).max(100),
    /** The knowledge articles used to resolve it, for knowledge usage and deflection figures. */
    knowledgeArticleIds: z
      .array(z.string().trim().min(1, { message: 'must not be empty' }).max(100))
      .max(50)
      .default([]),
    note: z.string().trim().max(4000).default(''),
  })
  .strict();

export class ResolveCaseRequest extends createZodDto(resolveCaseSchema) {}
