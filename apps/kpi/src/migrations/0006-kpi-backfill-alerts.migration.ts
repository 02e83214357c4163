import { sqlMigration } from '@collab/service-kit';

/**
 * Whether a finished backfill's history went through the alert decider (alerts/alert-replay.ts).
 * Backfills finished before this were never replayed and stay so (their history raised no alerts
 * when it was live either); every backfill from now on starts unreplayed.
 */
export const KpiBackfillAlerts = sqlMigration('KpiBackfillAlerts1797163200000', [
  `alter table kpi.backfill add column if not exists alerts_replayed boolean not null default true`,
]);
