import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { GRANULARITIES } from '@collab/kpi-domain';
import { instantSchema } from '@collab/service-kit';

export const valuesQuerySchema = z.strictObject({
  scope: z.string().max(250).optional(),
  from: instantSchema(),
  to: instantSchema(),
  granularity: z.enum(GRANULARITIES),
  /** A particular version; the newest when absent. */
  version: z.coerce.number().int().min(1).optional(),
});
export class ValuesQuery extends createZodDto(valuesQuerySchema) {}

export const scorecardQuerySchema = z.strictObject({
  /** The month the scorecard covers, `YYYY-MM` (UTC); the current one when absent. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' }).optional(),
});
export class ScorecardQuery extends createZodDto(scorecardQuerySchema) {}
