import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { ARTICLE_TYPES, LANGUAGE_TAG, MAP_NODE_ID_PATTERN } from '@collab/knowledge-domain';
import { pageQueryShape } from '@collab/service-kit';

export const SEARCH_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;
const MAX_PAGE = 1_000;

/** What to search for and where: the same over REST and gRPC. */
const searchShape = {
  q: z.string().trim().min(1, { message: 'must say what to search for' }).max(200, { message: 'must be at most 200 characters' }),
  lang: z.string().regex(LANGUAGE_TAG, { message: 'must be a BCP 47 language tag such as zh-Hant, ja, fi or en' }).optional(),
  type: z.enum(ARTICLE_TYPES).optional(),
  node: z.string().regex(MAP_NODE_ID_PATTERN, { message: 'must be a knowledge-map node id' }).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
};
const pageNumber = z.coerce.number().int().min(1, { message: 'must be a page number from 1' }).max(MAX_PAGE, { message: `must be at most ${MAX_PAGE}` });
const pageSize = z.coerce.number().int().min(1, { message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` }).max(MAX_PAGE_SIZE, { message: `must be at most ${MAX_PAGE_SIZE}` });

/**
 * REST: `?limit=&after=` as every list, and `?page=` as the issue asks (a page number of `limit`
 * results); `page.next` is the cursor of the page after. A page and a cursor together are refused.
 */
export const searchQuerySchema = z
  .strictObject({ ...searchShape, page: pageNumber.optional(), limit: pageSize.default(SEARCH_PAGE_SIZE), after: pageQueryShape.after })
  .refine((query) => query.page === undefined || query.after === undefined, { message: 'give either page or after, not both', path: ['after'] });
export class SearchQuery extends createZodDto(searchQuerySchema) {}

/** gRPC keeps its page number and page size (proto/collab/knowledge/v1). */
export const grpcSearchSchema = z.strictObject({ ...searchShape, page: pageNumber.default(1), pageSize: pageSize.default(SEARCH_PAGE_SIZE) });

/** How far into the ranking a cursor points: the offset of the page it starts, bounded as page numbers are. */
export const MAX_SEARCH_OFFSET = MAX_PAGE * MAX_PAGE_SIZE;
