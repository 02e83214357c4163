import { sqlMigration } from '@collab/service-kit';

/**
 * KPI's read models: its definitions (every version), the facts it folded (its own journal of the
 * sources' published events, keyed by event id: what makes folding idempotent and what a backfill
 * re-folds), the context facts are attributed by (case dimensions, the holding unit over time,
 * queue→unit and unit trees over time, task targets), the duration ends waiting for their pair,
 * and the observations per (kpi, version, source, part), with their minute and their scope.
 */
export const KpiValues = sqlMigration('KpiValues1796947200000', [
  `create table if not exists kpi.definition (
     kpi_id text not null, version int not null, specification jsonb not null, built_in boolean not null,
     retired boolean not null default false, defined_at timestamptz not null, primary key (kpi_id, version))`,
  `create table if not exists kpi.fact (
     event_id text primary key, kind text not null, at timestamptz not null, case_id text, task_id text,
     dims jsonb not null, attrs jsonb not null, seq bigserial not null)`,
  `create index if not exists fact_seq on kpi.fact (seq)`,
  `create table if not exists kpi.case_context (
     case_id text primary key, dims jsonb not null default '{}', contacts int not null default 0,
     reopens int not null default 0, tasks int not null default 0)`,
  `create table if not exists kpi.case_holding (
     case_id text not null, from_at timestamptz not null, event_id text not null, queue_id text not null, unit_id text,
     primary key (case_id, from_at, event_id))`,
  `create table if not exists kpi.queue_unit (
     queue_id text not null, from_at timestamptz not null, unit_id text not null, primary key (queue_id, from_at))`,
  `create table if not exists kpi.unit (unit_id text primary key, parent_id text, calendar_id text)`,
  `create table if not exists kpi.task_target (
     task_id text primary key, case_id text not null, target_kind text not null, target_id text not null)`,
  `create table if not exists kpi.duration_end (
     kpi_id text not null, version int not null, pair_key text not null, role text not null, at timestamptz not null,
     dims jsonb not null default '{}', primary key (kpi_id, version, pair_key, role))`,
  `create table if not exists kpi.observation (
     kpi_id text not null, version int not null, source_key text not null, part text not null,
     case_id text, task_id text, at timestamptz not null, own jsonb not null, dims jsonb not null, value double precision not null,
     primary key (kpi_id, version, source_key, part))`,
  `create index if not exists observation_series on kpi.observation (kpi_id, version, at)`,
  `create index if not exists observation_case on kpi.observation (case_id)`,
  `create table if not exists kpi.backfill (
     kpi_id text not null, version int not null, total bigint not null, done bigint not null, status text not null,
     started_at timestamptz not null, finished_at timestamptz, primary key (kpi_id, version))`,
  `create table if not exists kpi.alert (
     kpi_id text not null, version int not null, scope text not null, bucket timestamptz not null, granularity text not null,
     standing text not null, value double precision, at timestamptz not null, primary key (kpi_id, version, scope, granularity, bucket, standing))`,
]);
