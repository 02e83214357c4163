import { asIs, kpiLanguage, kpiThresholdCrossedV1, kpiThresholdRecoveredV1, serviceContract, type ServiceContract } from '@collab/contracts';
import type { KpiAlertEvent } from '@collab/kpi-domain';

/**
 * What kpi publishes on `collab.kpi.events.v1` (libs/contracts/src/kpi): its alerts, as they are
 * stored. Definitions stay inside (the REST API serves them).
 */
export const kpiContract: ServiceContract = serviceContract<KpiAlertEvent>(kpiLanguage, {
  KpiThresholdCrossed: asIs(kpiThresholdCrossedV1),
  KpiThresholdRecovered: asIs(kpiThresholdRecoveredV1),
});
