import { ValidationFailed } from '@collab/domain-kernel';

/** The KPI a request names; REST takes it from the path, so only its length can be wrong. */
export const kpiIdOf = (kpiId: string): string => {
  if (kpiId === '' || kpiId.length > 200) throw new ValidationFailed([{ field: 'kpi_id', message: 'must be a KPI id of 1 to 200 characters' }]);
  return kpiId;
};
