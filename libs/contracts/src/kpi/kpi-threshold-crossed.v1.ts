import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';
import { kpiThresholdShape } from './kpi-threshold.shared';

export const kpiThresholdCrossedV1 = publicEvent({
  service: 'kpi',
  type: 'KpiThresholdCrossed',
  version: 1,
  description:
    'A KPI figure (one version, one scope, the current hour or day bucket) went past its warning or target threshold on the bad side. ' +
    'A jump past both is two events, the warning first. Published once per bucket and threshold until it recovers.',
  data: z.strictObject({ ...kpiThresholdShape, standing: z.enum(['WARNING', 'BREACHED']), crossedAt: z.iso.datetime({ offset: true }) }),
  examples: [{
    kpiId: 'return-rate', version: 1, scope: 'partner:reseller-1', granularity: 'day', bucket: '2026-11-30T00:00:00.000Z', threshold: 'WARNING',
    thresholdValue: 0.05, direction: 'LOWER_IS_BETTER', value: 0.07, standing: 'WARNING', crossedAt: '2026-11-30T02:30:00.000Z',
  }],
});
