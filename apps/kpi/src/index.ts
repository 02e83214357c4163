export { KpiModule } from './kpi.module';
export { kpiContract } from './kpi.contract';
export { kpiReadModels } from './kpi.read-models';
