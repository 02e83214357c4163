import type { Provider, Type } from '@nestjs/common';
import { IntakeAuditTrail, KnowledgeAuditTrail, WorkflowAuditTrail } from './audit-trail/audit-trail.consumers';
import { AuditQuery } from './read-audit/audit-query';
import { ReadAuditHttp } from './read-audit/read-audit.http';

/** The audit trail (issue 13): kept from every service's published events, read at /api/v1/admin/audit. */
export const AUDIT_PROVIDERS: readonly Provider[] = [IntakeAuditTrail, WorkflowAuditTrail, KnowledgeAuditTrail, AuditQuery];
export const AUDIT_CONTROLLERS: readonly Type[] = [ReadAuditHttp];
