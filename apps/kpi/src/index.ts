export { KpiModule } from './kpi.module';
export { kpiContract } from './kpi.contract';
