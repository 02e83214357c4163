import { sqlMigration } from '@collab/service-kit';

/**
 * A unit's series (scorecards, `scope=unit:`): the series index narrows by KPI version and time
 * only, so a unit's month read every unit's observations of that month and dropped 99 in 100 of
 * them, and a level's carried-in backlog read every unit's history. With the unit between version
 * and time, both read only the unit's rows (docs/benchmarks.md, KPI section). The series query
 * passes the dimension's name as a parameter; the planner matches the expression because node-pg's
 * unnamed statements are planned with their parameters' values.
 */
export const KpiUnitSeries = sqlMigration('KpiUnitSeries1797033600000', [
  `create index if not exists observation_unit_series on kpi.observation (kpi_id, version, (dims->>'unit'), at)`,
]);
