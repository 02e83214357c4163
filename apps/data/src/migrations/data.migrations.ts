import type { MigrationClass } from '@collab/service-kit';
import { FactStore } from './0001-fact-store.migration';
import { CustomerTags } from './0002-customer-tags.migration';

/** Data's read-model migrations in the order they were released; append, never edit. */
export const DATA_MIGRATIONS: readonly MigrationClass[] = [FactStore, CustomerTags];
