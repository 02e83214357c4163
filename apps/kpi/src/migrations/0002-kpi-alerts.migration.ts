import { sqlMigration } from '@collab/service-kit';

/**
 * KPI alerts: the hours new facts fell in per KPI version, still to be watched (written in the
 * fold's transaction, so no fact's alert check is lost to a crash; `marks` counts marks so one
 * arriving during a check is not cleared with it), and the alerts as listed (the fold of the
 * alert streams, in log order).
 */
export const KpiAlerts = sqlMigration('KpiAlerts1796990400000', [
  `create table if not exists kpi.alert_watch (
     kpi_id text not null, version int not null, hour timestamptz not null, marks int not null default 1, primary key (kpi_id, version, hour))`,
  `create table if not exists kpi.alert_event (
     event_id text primary key, position bigint not null, type text not null, kpi_id text not null, version int not null, scope text not null,
     granularity text not null, bucket timestamptz not null, threshold text not null, standing text not null, at timestamptz not null, data jsonb not null)`,
  `create index if not exists alert_event_position on kpi.alert_event (position)`,
]);
