import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { instantSchema, pageQueryShape } from '@collab/service-kit';

export const alertsQuerySchema = z.strictObject({
  ...pageQueryShape,
  /** One KPI's alerts. */
  kpi: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, { message: 'must be a KPI id (a lower-case slug)' }).optional(),
  /** `whole` or `<dimension>:<id>`; a department's and a partner's own scope when absent. */
  scope: z.string().max(250).optional(),
  /** Alerts recorded at or after this instant. */
  from: instantSchema().optional(),
  /** Alerts recorded before this instant. */
  to: instantSchema().optional(),
});
export class AlertsQuery extends createZodDto(alertsQuerySchema) {}
