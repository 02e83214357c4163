import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';

const list = (description: string) => z.string().max(1_000, { message: 'must be at most 1000 characters' }).optional().describe(description);

/** The cube's query string as text; the catalogue (libs/data/domain) reads the names and says what is unknown. */
export const cubeQuerySchema = z
  .object({
    measures: list('Comma-separated measures, e.g. contacts,resolutionBusinessMinutes'),
    dimensions: list('Comma-separated dimensions, e.g. region.province,time.day; a hierarchy at a coarser level is its roll-up'),
    filters: list('Comma-separated dimension:value filters, values separated by |, e.g. region.province:GD,channel:app|web (drill-down)'),
    from: z.string().max(40).optional().describe('Start (inclusive), ISO 8601 date or instant'),
    to: z.string().max(40).optional().describe('End (exclusive), ISO 8601 date or instant'),
  })
  .strict();
export class CubeQueryParams extends createZodDto(cubeQuerySchema) {}
