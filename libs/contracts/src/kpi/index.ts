import { publishedLanguage } from '../published-language/published-language';
import { kpiThresholdCrossedV1 } from './kpi-threshold-crossed.v1';
import { kpiThresholdRecoveredV1 } from './kpi-threshold-recovered.v1';

export { kpiThresholdCrossedV1, kpiThresholdRecoveredV1 };

/** What kpi publishes on `collab.kpi.events.v1`: its alerts, newest version of each type first. */
export const kpiLanguage = publishedLanguage('kpi', {
  KpiThresholdCrossed: kpiThresholdCrossedV1,
  KpiThresholdRecovered: kpiThresholdRecoveredV1,
});
