import { z } from 'zod';
import { answerSchema, instant } from '@collab/service-kit';

/** What the data cube answers: a slice as JSON, or its rows as CSV. */

const cubeRow = answerSchema(
  'CubeRow',
  z.record(z.string(), z.union([z.string(), z.number(), z.null()])).meta({ description: 'One value per dimension (string, null where unknown) and per measure (number, null where none).' }),
);

export type CubeRow = z.infer<typeof cubeRow>;

const dimensionSteps = z.record(z.string(), z.string());

/** A slice: one row per combination of the dimensions' values, the totals over them, and where each dimension rolls up or drills down. */
export const cubeSliceSchema = answerSchema(
  'CubeSlice',
  z.object({
    from: instant,
    to: instant,
    measures: z.array(z.string()),
    dimensions: z.array(z.string()),
    filters: z.record(z.string(), z.array(z.string())).meta({ description: 'The values each filtered dimension is restricted to.' }),
    rows: z.array(cubeRow),
    totals: cubeRow,
    drillDown: dimensionSteps.meta({ description: 'Per dimension, the finer level it drills down to.' }),
    rollUp: dimensionSteps.meta({ description: 'Per dimension, the coarser level it rolls up to.' }),
  }),
);

export type CubeSlice = z.infer<typeof cubeSliceSchema>;

export const cubeSliceCsvSchema = answerSchema(
  'CubeSliceCsv',
  z.string().meta({ description: 'The slice\'s rows as CSV (RFC 4180, CRLF): a header of the dimensions then the measures, one line per row.' }),
);
