import type { MigrationClass } from '@collab/service-kit';
import { KpiValues } from './0001-kpi-values.migration';
import { KpiAlerts } from './0002-kpi-alerts.migration';
import { KpiUnitSeries } from './0003-kpi-unit-series.migration';
import { KpiFactCustomers } from './0004-kpi-fact-customers.migration';
import { KpiFactIdentity } from './0005-kpi-fact-identity.migration';
import { KpiBackfillAlerts } from './0006-kpi-backfill-alerts.migration';

/** KPI's read-model migrations in the order they were released; append, never edit. */
export const KPI_MIGRATIONS: readonly MigrationClass[] = [KpiValues, KpiAlerts, KpiUnitSeries, KpiFactCustomers, KpiFactIdentity, KpiBackfillAlerts];
