import { z } from 'zod';

/** What both alert events say about the figure and the threshold it passed. */
export const kpiThresholdShape = {
  kpiId: z.string().min(1).max(63),
  version: z.int().min(1),
  scope: z.string().min(1).max(250).meta({ description: '`whole`, or `<dimension>:<id>` (unit, partner…) as the values API names scopes.' }),
  granularity: z.enum(['hour', 'day']).meta({ description: 'The bucket watched: the hour or the day (UTC) the figure belongs to.' }),
  bucket: z.iso.datetime({ offset: true }).meta({ description: 'The start of the bucket, UTC.' }),
  threshold: z.enum(['WARNING', 'TARGET']),
  thresholdValue: z.number(),
  direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']),
  value: z.number().meta({ description: 'The figure when the threshold was passed.' }),
};
