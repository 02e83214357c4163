import { sqlMigration } from '@collab/service-kit';

/**
 * The audit trail (issue 13): one row per event any service published, with who did it, on whose
 * behalf, from where and in which correlation, read from the event's envelope. The newest first,
 * by actor and by service: the three ways an auditor asks.
 */
export const AuditTrail = sqlMigration('AuditTrail1796947260000', [
  `create table if not exists data.audit_entry (
     event_id text primary key, service text not null, type text not null, subject text not null, at timestamptz not null,
     actor text not null, actor_via text, caller_address text, caller_agent text, correlation_id text not null)`,
  `create index if not exists audit_entry_at on data.audit_entry (at desc, event_id desc)`,
  `create index if not exists audit_entry_actor on data.audit_entry (actor, at desc)`,
  `create index if not exists audit_entry_service on data.audit_entry (service, at desc)`,
]);
