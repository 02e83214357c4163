import { sqlMigration } from '@collab/service-kit';

/**
 * The fact store: one row per business event the data service read (its id is the event's), with
 * the figures it carries; the case and task dimensions it is sliced by live beside it, filled from
 * whichever service's event arrives first (the logs are followed independently).
 */
export const FactStore = sqlMigration('FactStore1796947200000', [
  `create table if not exists data.case_dim (
     case_id uuid primary key, case_number text, customer_id uuid, requester_id text, channel text, channel_kind text, audience text,
     region text, category text, request_type text, priority text, customer_tier text, language text,
     requester_partner text, subject text, opened_at timestamptz, calendar_id text, queue text,
     response_due_at timestamptz, resolution_due_at timestamptz, status text, status_at timestamptz)`,
  `create index if not exists case_dim_customer on data.case_dim (customer_id)`,
  `create index if not exists case_dim_requester on data.case_dim (requester_id)`,
  `create table if not exists data.task_dim (
     task_id text primary key, case_id uuid not null, from_unit text not null, to_kind text not null, to_id text not null,
     region text not null, calendar_id text not null, requested_at timestamptz not null, status text not null)`,
  `create index if not exists task_dim_case on data.task_dim (case_id)`,
  `create table if not exists data.fact (
     event_id text primary key, source text not null, kind text not null, case_id uuid, customer_id uuid,
     at timestamptz not null, channel text, from_unit text, unit text, partner text, task_id text,
     calendar_minutes double precision, business_minutes double precision, csat int,
     detail jsonb not null default '{}'::jsonb)`,
  `create index if not exists fact_kind_at on data.fact (kind, at)`,
  `create index if not exists fact_at on data.fact (at)`,
  `create index if not exists fact_case on data.fact (case_id)`,
  `create index if not exists fact_customer on data.fact (customer_id)`,
]);
