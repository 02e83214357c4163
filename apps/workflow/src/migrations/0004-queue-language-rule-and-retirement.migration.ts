import { sqlMigration } from '@collab/service-kit';

/**
 * A queue's language rule (REQUIRED: its cases wait for an agent who speaks their language;
 * PREFERRED: speakers first, as every queue behaved before), and when it was retired (null while
 * open): a retired queue takes no new cases and no new agents. Rows of older releases are
 * PREFERRED and open, as their events read.
 */
export const QueueLanguageRuleAndRetirement = sqlMigration('QueueLanguageRuleAndRetirement1796688000000', [
  "alter table workflow.org_queue add column if not exists language_rule text not null default 'PREFERRED'",
  'alter table workflow.org_queue add column if not exists retired_at timestamptz',
]);
