import { z } from 'zod';
import { publicEvent } from '../published-language/public-event';
import { kpiThresholdShape } from './kpi-threshold.shared';

export const kpiThresholdRecoveredV1 = publicEvent({
  service: 'kpi',
  type: 'KpiThresholdRecovered',
  version: 1,
  description:
    'A KPI figure that had crossed a threshold came back to its good side in the same bucket: the reverse of KpiThresholdCrossed. ' +
    '`standing` is where the figure now stands (WARNING when it is back past the target only).',
  data: z.strictObject({ ...kpiThresholdShape, standing: z.enum(['MET', 'WARNING']), recoveredAt: z.iso.datetime({ offset: true }) }),
  examples: [{
    kpiId: 'return-rate', version: 1, scope: 'partner:reseller-1', granularity: 'day', bucket: '2026-11-30T00:00:00.000Z', threshold: 'WARNING',
    thresholdValue: 0.05, direction: 'LOWER_IS_BETTER', value: 0.04, standing: 'MET', recoveredAt: '2026-11-30T05:00:00.000Z',
  }],
});
