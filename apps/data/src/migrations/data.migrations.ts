import type { MigrationClass } from '@collab/service-kit';
import { FactStore } from './0001-fact-store.migration';
import { AuditTrail } from './0002-audit-trail.migration';
import { MonitorAlerts } from './0003-monitor-alerts.migration';
import { CustomerTags } from './0004-customer-tags.migration';
import { SharedStatusWords } from './0005-shared-status-words.migration';
import { PartyKinds } from './0006-party-kinds.migration';

/** Data's read-model migrations in the order they were released; append, never edit. */
export const DATA_MIGRATIONS: readonly MigrationClass[] = [FactStore, AuditTrail, MonitorAlerts, CustomerTags, SharedStatusWords, PartyKinds];
