export { KpiModule } from './kpi.module';
export { kpiContract } from './kpi.contract';
export { kpiReadModels } from './kpi.read-models';
/** For benchmarks and specs outside the app: the computation alone on an embedded database, and a synthetic load. */
export { KpiTestBed } from './testing/kpi-test-bed';
export { syntheticCases } from './testing/synthetic-load';
export { backfill } from './backfill/kpi-backfill';
export { KpiScorecards } from './values/scorecards/kpi-scorecards';
