import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { LANGUAGE_TAG } from '@collab/knowledge-domain';

export const suggestionRequestSchema = z
  .object({
    text: z.string().trim().min(1, { message: 'must hold the case’s or contact’s text' }).max(5_000, { message: 'must be at most 5000 characters' }),
    category: z.string().trim().min(1).max(100, { message: 'must be at most 100 characters' }).optional(),
    lang: z.string().regex(LANGUAGE_TAG, { message: 'must be a BCP 47 language tag such as zh-Hant, ja, fi or en' }).optional(),
    limit: z.coerce.number().int().min(1, { message: 'must be from 1 to 20' }).max(20, { message: 'must be from 1 to 20' }).default(5),
  })
  .strict();
export class SuggestionRequestBody extends createZodDto(suggestionRequestSchema) {}
