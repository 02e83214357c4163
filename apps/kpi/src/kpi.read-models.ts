import { projectionsAmong, type ServiceReadModels } from '@collab/service-kit';
import { KPI_PROVIDERS } from './kpi.providers';
import { KPI_MIGRATIONS } from './migrations/kpi.migrations';

/** KPI's read models for `npm run rebuild -- kpi <read-model>`; its projections write through SQL, so no entities. */
export const kpiReadModels: ServiceReadModels = {
  service: 'kpi',
  migrations: KPI_MIGRATIONS,
  entities: [],
  projections: projectionsAmong(KPI_PROVIDERS),
};
