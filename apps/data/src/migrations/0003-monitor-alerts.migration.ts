import { sqlMigration } from '@collab/service-kit';

/** The KPI alerts the monitor shows: one row per watched bucket and threshold, open while crossed and not yet recovered. */
export const MonitorAlerts = sqlMigration('MonitorAlerts1796990400000', [
  `create table if not exists data.monitor_kpi_alert (
     kpi_id text not null, version int not null, scope text not null, granularity text not null, bucket timestamptz not null, threshold text not null,
     open boolean not null, standing text not null, value double precision not null, threshold_value double precision not null, at timestamptz not null,
     primary key (kpi_id, version, scope, granularity, bucket, threshold))`,
  `create index if not exists monitor_kpi_alert_open on data.monitor_kpi_alert (open, at desc)`,
]);
