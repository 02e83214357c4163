import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { pageQueryShape } from '@collab/service-kit';

/** `?limit=&after=` of a list with no other filter (the library, a KPI's backfills). */
export const pageQuerySchema = z.strictObject({ ...pageQueryShape });
export class PageQuery extends createZodDto(pageQuerySchema) {}
