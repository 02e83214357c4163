import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ARTICLE_TYPES, LANGUAGE_TAG, MAP_NODE_ID_PATTERN } from '@collab/knowledge-domain';

export const SEARCH_PAGE_SIZE = 10;

export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1, { message: 'must say what to search for' }).max(200, { message: 'must be at most 200 characters' }),
    lang: z.string().regex(LANGUAGE_TAG, { message: 'must be a BCP 47 language tag such as zh-Hant, ja, fi or en' }).optional(),
    type: z.enum(ARTICLE_TYPES).optional(),
    node: z.string().regex(MAP_NODE_ID_PATTERN, { message: 'must be a knowledge-map node id' }).optional(),
    tag: z.string().trim().min(1).max(50).optional(),
    page: z.coerce.number().int().min(1, { message: 'must be a page number from 1' }).max(1_000, { message: 'must be at most 1000' }).default(1),
    pageSize: z.coerce.number().int().min(1).max(50, { message: 'must be at most 50' }).default(SEARCH_PAGE_SIZE),
  })
  .strict();
export class SearchQuery extends createZodDto(searchQuerySchema) {}
