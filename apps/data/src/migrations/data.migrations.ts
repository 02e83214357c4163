import type { MigrationClass } from '@collab/service-kit';
import { MonitorAlerts } from '../monitor/0002-monitor-alerts.migration';
import { FactStore } from './0001-fact-store.migration';

/** Data's read-model migrations in the order they were released; append, never edit. */
export const DATA_MIGRATIONS: readonly MigrationClass[] = [FactStore, MonitorAlerts];
